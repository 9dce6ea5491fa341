import { openai } from "@ai-sdk/openai";
import { streamText, convertToModelMessages } from "ai";
import { auth } from "@/auth";

export const maxDuration = 30;

export async function POST(req: Request) {
  const session = await auth();
  const { messages, chatId } = await req.json();
  console.log(`[chat ${chatId}] user ${session?.user?.id}`, messages); // want logging/personal-data
  const result = streamText({ model: openai("gpt-4o"), messages: convertToModelMessages(messages) });
  return result.toUIMessageStreamResponse();
}
