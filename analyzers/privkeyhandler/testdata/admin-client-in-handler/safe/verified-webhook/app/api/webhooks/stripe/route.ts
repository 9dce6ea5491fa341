import Stripe from 'stripe'
import { createAdminClient } from '@/lib/supabase/admin'

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)

export async function POST(req: Request) {
  const event = await stripe.webhooks.constructEventAsync(await req.text(), req.headers.get('stripe-signature')!, process.env.STRIPE_WEBHOOK_SECRET!)
  if (event.type === 'customer.subscription.updated') {
    const sub = event.data.object
    await createAdminClient().from('subscriptions').update({ status: sub.status }).eq('stripe_customer_id', sub.customer as string)
  }
  return new Response('ok')
}
