import Stripe from 'stripe'
import { describe, it, expect } from 'vitest'

// quick smoke test against the real account
const stripe = new Stripe('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') // want secrets/stripe-key@critical

describe('checkout', () => {
  it('lists prices', async () => {
    const prices = await stripe.prices.list({ limit: 1 })
    expect(prices.data.length).toBe(1)
  })
})
