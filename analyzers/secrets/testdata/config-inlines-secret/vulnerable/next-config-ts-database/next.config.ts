import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  experimental: { typedRoutes: true },
  env: {
    DATABASE_URL: process.env.DATABASE_URL!, // want secrets/config-inlines-secret
  },
}

export default nextConfig
