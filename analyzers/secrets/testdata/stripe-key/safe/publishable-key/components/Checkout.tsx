'use client'
import { loadStripe } from '@stripe/stripe-js'

const stripePromise = loadStripe('pk_live_518TPQxjq4i9DoV8gz4FkQ1okTBGzvAmwufUxbvJDCTbyvHNsG9eh6Yo4gfqrc5XlrWi0B26R08qzjI6GKFSufrdZSlB5er8bOf')

export function Checkout() {
  return <button onClick={async () => (await stripePromise)?.redirectToCheckout({ sessionId: 'x' })}>Pay</button>
}
