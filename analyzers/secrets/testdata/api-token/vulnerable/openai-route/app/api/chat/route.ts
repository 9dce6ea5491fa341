import OpenAI from 'openai'

const openai = new OpenAI({ apiKey: 'sk-proj-QfHOJMaidDn87XG3-q-xbMtEPO6UkzYuF0ie9Pu2njHkAm1-T3BlbkFJ5wDr16EpLLJIVGHz4FxFEtKyPiYGFDm7ena8D5Vf' }) // want secrets/api-token

export async function POST(req: Request) {
  const { messages } = await req.json()
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages })
  return Response.json(completion.choices[0].message)
}
