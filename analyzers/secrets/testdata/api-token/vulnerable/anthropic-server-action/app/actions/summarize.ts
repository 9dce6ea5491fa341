'use server'

import Anthropic from '@anthropic-ai/sdk'

const anthropic = new Anthropic({
  apiKey: "sk-ant-api03-8hGKCw8y10guDqJeMEGXfgrY3uknytFZETicaLgy-5DMWkoxHD2JfMKxEJTB00kH6X_TXvujVGaxCNrgbUWFMjfpcZgty-AA", // want secrets/api-token
})

export async function summarize(text: string) {
  const msg = await anthropic.messages.create({ model: 'claude-3-5-sonnet-latest', max_tokens: 512, messages: [{ role: 'user', content: text }] })
  return msg.content
}
