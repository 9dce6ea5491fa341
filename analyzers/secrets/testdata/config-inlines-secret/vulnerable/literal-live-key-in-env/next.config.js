module.exports = {
  env: {
    STRIPE_SECRET_KEY: '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', // want secrets/config-inlines-secret want secrets/stripe-key@critical
    NEXT_PUBLIC_PLAN: 'pro',
  },
}
