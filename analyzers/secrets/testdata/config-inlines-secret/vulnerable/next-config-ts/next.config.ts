import type { NextConfig } from 'next'

const config: NextConfig = {
  env: {
    RESEND_API_KEY: process.env.RESEND_API_KEY ?? '', // want secrets/config-inlines-secret
  },
}

export default config
