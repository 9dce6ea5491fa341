module.exports = {
  serverRuntimeConfig: { stripeKey: process.env.STRIPE_SECRET_KEY },
  publicRuntimeConfig: { siteUrl: process.env.NEXT_PUBLIC_SITE_URL },
}
