module.exports = {
  serverRuntimeConfig: {
    stripeSecretKey: process.env.STRIPE_SECRET_KEY,
    databaseUrl: process.env.DATABASE_URL,
  },
  publicRuntimeConfig: { siteUrl: process.env.NEXT_PUBLIC_SITE_URL },
}
