const OPENAI_API_KEY = process.env.OPENAI_API_KEY

export default {
  env: {
    OPENAI_API_KEY, // want secrets/config-inlines-secret
  },
}
