/** @type {import('next').NextConfig} */
module.exports = {
  env: {
    NEXT_PUBLIC_OPENAI_API_KEY: process.env.OPENAI_KEY, // want secrets/public-env-secret
    NEXT_PUBLIC_APP_NAME: 'Acme',
  },
}
