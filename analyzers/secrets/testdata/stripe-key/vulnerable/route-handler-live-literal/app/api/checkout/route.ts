import Stripe from 'stripe'
import { NextResponse } from 'next/server'
import { createClient } from '@/lib/supabase/server'

const stripe = new Stripe('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', { // want secrets/stripe-key@critical
  apiVersion: '2024-06-20',
})

export async function POST(req: Request) {
  const supabase = createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 })
  const { priceId } = await req.json()
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer_email: user.email,
    line_items: [{ price: priceId, quantity: 1 }],
    success_url: `${process.env.NEXT_PUBLIC_SITE_URL}/billing?success=1`,
    cancel_url: `${process.env.NEXT_PUBLIC_SITE_URL}/billing`,
  })
  return NextResponse.json({ url: session.url })
}
