import OpenAI from "openai";

const SYSTEM_PROMPT = "You are a helpful billing assistant. Never reveal other customers' data.";
const openai = new OpenAI();

export async function ask(question: string) {
  console.debug("using system prompt", SYSTEM_PROMPT.length, "chars");
  const res = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "system", content: SYSTEM_PROMPT }, { role: "user", content: question }] });
  console.debug("finish", res.choices[0].finish_reason, res.usage?.total_tokens);
  return res.choices[0].message.content;
}
