'use client'

import { loadStripe } from '@stripe/stripe-js'

const stripePromise = loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!)

export function Checkout() {
  return <button onClick={async () => (await stripePromise)?.redirectToCheckout({ sessionId: 'cs_1' })}>Pay</button>
}
