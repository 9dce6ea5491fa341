import { anthropic } from './client'

export const summarize = (t: string) => anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 200, messages: [{ role: 'user', content: t }] })
