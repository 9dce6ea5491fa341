import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";

export async function POST() {
  const { usage } = await generateText({ model: openai("gpt-4o-mini"), prompt: "Write a haiku about caching" });
  const maxTokens = 512;
  console.log("tokens used", usage.totalTokens, "of", maxTokens, "prompt tokens", usage.promptTokens);
  return Response.json({ ok: true });
}
