import { streamText } from "ai";
import { openai } from "@ai-sdk/openai";
import { auth } from "@/auth";
import { getContext } from "@/lib/context";

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return new Response("unauthorized", { status: 401 });
  const { question } = await req.json();
  const context = await getContext(question);
  return streamText({ model: openai("gpt-4o-mini"), system: `Answer from: ${context}`, prompt: question }).toTextStreamResponse();
}
