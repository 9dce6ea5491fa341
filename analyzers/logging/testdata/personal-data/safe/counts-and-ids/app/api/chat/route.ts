import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";

export async function POST(req: Request) {
  const { messages, chatId } = await req.json();
  console.log("chat", { chatId, count: messages.length, last: messages.at(-1)?.role });
  return streamText({ model: openai("gpt-4o-mini"), messages }).toTextStreamResponse();
}
