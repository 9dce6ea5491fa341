import type { NextApiRequest, NextApiResponse } from 'next'
import { buffer } from 'micro'
import { stripe } from '../../lib/stripe'

export const config = { api: { bodyParser: false } }

const endpointSecret = "whsec_d9o7WshndcMWYkZv5tviyaU792hOCDDT" // want secrets/stripe-webhook-secret

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const buf = await buffer(req)
  const sig = req.headers['stripe-signature'] as string
  const event = stripe.webhooks.constructEvent(buf, sig, endpointSecret)
  res.json({ received: true, type: event.type })
}
