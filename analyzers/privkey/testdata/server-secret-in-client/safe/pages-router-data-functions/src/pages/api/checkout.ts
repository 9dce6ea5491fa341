import Stripe from 'stripe'
import type { NextApiRequest, NextApiResponse } from 'next'

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const s = await stripe.checkout.sessions.create({ mode: 'payment', success_url: 'https://acme.dev' })
  res.json({ url: s.url })
}
