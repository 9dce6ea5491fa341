import type { NextConfig } from 'next'

const config: NextConfig = {
  env: {
    NEXT_PUBLIC_SUPABASE_ANON_KEY: process.env.SUPABASE_ANON_KEY,
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: process.env.STRIPE_PUBLISHABLE_KEY,
    NEXT_PUBLIC_SITE_URL: 'https://app.acme.dev',
  },
}
export default config
