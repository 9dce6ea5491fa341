import OpenAI from 'openai'

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY })

export async function POST(req: Request) {
  const { prompt } = await req.json()
  return Response.json(await openai.responses.create({ model: 'gpt-4o-mini', input: prompt }))
}
