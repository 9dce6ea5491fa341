const { RESEND_API_KEY, NEXT_PUBLIC_SITE_URL } = process.env

const config = {
  env: {
    RESEND_API_KEY, // want secrets/config-inlines-secret
    NEXT_PUBLIC_SITE_URL,
  },
}

export default config
