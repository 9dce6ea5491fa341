'use client'

import { loadStripe } from '@stripe/stripe-js'
import { env } from '@/env'

// createEnv throws if a server variable is read on the client; public ones are inlined.
const stripePromise = loadStripe(env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY)

export function Checkout() {
  return <button onClick={async () => (await stripePromise)?.redirectToCheckout({ sessionId: 'cs_1' })}>Pay</button>
}
