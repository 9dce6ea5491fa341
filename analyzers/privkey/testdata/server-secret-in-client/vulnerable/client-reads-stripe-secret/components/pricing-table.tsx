'use client'

import Stripe from 'stripe'

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!) // want privileged-key/server-secret-in-client@high

export function PricingTable() {
  return <button onClick={() => stripe.prices.list()}>Load prices</button>
}
