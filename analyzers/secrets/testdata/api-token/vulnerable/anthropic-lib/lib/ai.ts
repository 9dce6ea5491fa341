import Anthropic from '@anthropic-ai/sdk'

export const anthropic = new Anthropic({
  apiKey: "sk-ant-api03-LDpgyyjVw5HanSBeVRsfAGeAbP0VxNjAe-9i0mYtluYI0KN1gNT11cUzYZAa3u2olZU6uqbgsYlVvsSKuvinX_zMqf9OgAA", // want secrets/api-token
})
