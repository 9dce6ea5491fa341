'use client'

const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY) // want privileged-key/server-secret-in-client

export default function Checkout() {
  return <button onClick={() => stripe.checkout.sessions.create({ mode: 'payment' })}>Pay</button>
}
