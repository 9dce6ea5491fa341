/** @type {import('next').NextConfig} */
export default {
  images: { remotePatterns: [{ hostname: '*.supabase.co' }] },
  env: {
    NEXT_PUBLIC_APP_URL: process.env.VERCEL_URL,
    OPENAI_API_KEY: process.env.OPENAI_API_KEY, // want secrets/config-inlines-secret
  },
}
