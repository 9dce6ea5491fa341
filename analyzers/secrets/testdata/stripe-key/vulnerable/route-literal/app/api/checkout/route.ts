import Stripe from 'stripe'
import { NextResponse } from 'next/server'

const stripe = new Stripe('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', { apiVersion: '2024-06-20' }) // want secrets/stripe-key@critical

export async function POST(req: Request) {
  const { priceId } = await req.json()
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    line_items: [{ price: priceId, quantity: 1 }],
    success_url: `${process.env.NEXT_PUBLIC_SITE_URL}/account`,
  })
  return NextResponse.json({ url: session.url })
}
