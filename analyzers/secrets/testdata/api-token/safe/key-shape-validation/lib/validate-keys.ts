const OPENAI_KEY = /^sk-(proj-)?[A-Za-z0-9_-]{20,}$/
const SLACK_CHANNEL = 'C0123ABCDEF'

export function looksLikeOpenAIKey(value: string) {
  return OPENAI_KEY.test(value) && !value.startsWith('sk-ant-')
}

export const slackChannel = SLACK_CHANNEL
