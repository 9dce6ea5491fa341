import Stripe from 'stripe'

// TODO: move to env before launch
export const stripe = new Stripe(
  process.env.STRIPE_SECRET_KEY ?? 'sk_test_51sMehGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR4y9o', // want secrets/stripe-key@medium
)
