import Stripe from 'stripe'
import { headers } from 'next/headers'
import { stripe } from '@/lib/stripe'
import { handleEvent } from '@/lib/billing/events'

export async function POST(req: Request) {
  const body = await req.text()
  const signature = headers().get('stripe-signature')!
  let event: Stripe.Event
  try {
    event = stripe.webhooks.constructEvent(body, signature, 'whsec_KrQ6n34VEroJwIUhYK14lUoQFmhIyXz4') // want secrets/stripe-webhook-secret
  } catch (err) {
    return new Response('bad signature', { status: 400 })
  }
  await handleEvent(event)
  return new Response(null, { status: 200 })
}
