import Anthropic from "@anthropic-ai/sdk";

const anthropic = new Anthropic();

export async function summarize(userId: string, prompt: string) {
  console.log(`summarize for ${userId}: ${prompt}`); // want logging/personal-data
  const msg = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, messages: [{ role: "user", content: prompt }] });
  return msg.content;
}
