/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  env: {
    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY, // want secrets/config-inlines-secret
    APP_NAME: 'acme',
  },
}

module.exports = nextConfig
