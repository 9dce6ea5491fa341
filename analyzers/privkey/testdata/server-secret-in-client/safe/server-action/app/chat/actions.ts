'use server'

import OpenAI from 'openai'

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY })

export async function ask(prompt: string) {
  const r = await openai.responses.create({ model: 'gpt-4o-mini', input: prompt })
  return r.output_text
}
