'use server'
import Stripe from 'stripe'

const key = `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` // want secrets/stripe-key@critical
const stripe = new Stripe(key)

export async function cancelSubscription(id: string) {
  await stripe.subscriptions.cancel(id)
}
