'use client'

import { loadStripe } from '@stripe/stripe-js'

const stripePromise = loadStripe('pk_live_W3vWMBp9Uu1tpjpUV3P18lakvEEqJ8G9xUOuoM0B7cS7ZuB0zwpW0IUNIChXEKRuEADJRtnOR0ILH31o8MS1s97kUVyf6XzTthR')

export function CheckoutButton({ sessionId }: { sessionId: string }) {
  return (
    <button
      onClick={async () => {
        const stripe = await stripePromise
        await stripe?.redirectToCheckout({ sessionId })
      }}
    >
      Upgrade
    </button>
  )
}
