import Stripe from 'stripe'
import { supabaseAdmin } from '@/lib/supabase/admin'

export async function POST(req: Request) {
  const body = await req.text()
  const event = JSON.parse(body) as Stripe.Event
  if (event.type === 'customer.subscription.updated') {
    const sub = event.data.object as Stripe.Subscription
    await supabaseAdmin.from('subscriptions').update({ status: sub.status }).eq('stripe_customer_id', sub.customer as string)
  }
  return new Response(null, { status: 200 })
}
