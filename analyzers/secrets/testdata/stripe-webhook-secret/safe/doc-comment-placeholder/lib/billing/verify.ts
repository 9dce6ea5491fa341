import type Stripe from 'stripe'
import { stripe } from '@/lib/stripe'

/**
 * Verifies a Stripe webhook. `secret` is the endpoint's signing secret
 * (it looks like `whsec_<random>`; find it under Developers → Webhooks).
 */
export function verify(body: string, signature: string, secret: string): Stripe.Event {
  if (!secret.startsWith('whsec_')) throw new Error('not a webhook signing secret')
  return stripe.webhooks.constructEvent(body, signature, secret)
}
