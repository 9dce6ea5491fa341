import Stripe from 'stripe'

// TODO(billing): remove the fallback once Vercel env is configured
export const stripe = new Stripe(
  process.env.STRIPE_SECRET_KEY ?? `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`, // want secrets/stripe-key@critical
  { apiVersion: '2024-06-20', typescript: true },
)
