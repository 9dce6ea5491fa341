import OpenAI from 'openai'
import { OpenAIStream, StreamingTextResponse } from 'ai'

const openai = new OpenAI({ apiKey: 'sk-proj-7pLf2Xedrl5g8JZW8iKQijvzqUNIZIUlRv3gmKCW_q0Jb85pDM5ab6NqE5zU0wlPxLD5e8qpwT8H6-DQ0JjrRra8YaVVO9A44TT3BlbkFJxEZhPuMpHfysq5eqM6w5mBP4KzfbXMtbD9eol023' }) // want secrets/api-token

export async function POST(req: Request) {
  const { messages } = await req.json()
  const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', stream: true, messages })
  return new StreamingTextResponse(OpenAIStream(res))
}
