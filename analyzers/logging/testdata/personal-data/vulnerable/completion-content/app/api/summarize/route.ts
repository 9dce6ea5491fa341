import OpenAI from "openai";

const client = new OpenAI();

export async function POST(req: Request) {
  const { text } = await req.json();
  const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `Summarize: ${text}` }] });
  console.log("summary", completion.choices[0].message.content); // want logging/personal-data
  return Response.json({ summary: completion.choices[0].message.content });
}
