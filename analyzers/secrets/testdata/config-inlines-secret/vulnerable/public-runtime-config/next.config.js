module.exports = {
  publicRuntimeConfig: {
    dbUrl: process.env.DATABASE_URL, // want secrets/config-inlines-secret
  },
}
