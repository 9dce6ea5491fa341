module.exports = {
  serverRuntimeConfig: { stripeSecret: process.env.STRIPE_SECRET_KEY },
  publicRuntimeConfig: {
    apiUrl: process.env.API_URL,
    jwtSecret: process.env.JWT_SECRET, // want secrets/config-inlines-secret
  },
}
