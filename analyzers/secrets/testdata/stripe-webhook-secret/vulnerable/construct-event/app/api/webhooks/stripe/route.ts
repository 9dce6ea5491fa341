import Stripe from 'stripe'
import { headers } from 'next/headers'

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)

export async function POST(req: Request) {
  const body = await req.text()
  const sig = (await headers()).get('stripe-signature')!
  const event = stripe.webhooks.constructEvent(body, sig, 'whsec_dfQ1y3GQsMpSscDlkrCaqx9vJupc94tn') // want secrets/stripe-webhook-secret
  return new Response(event.type)
}
