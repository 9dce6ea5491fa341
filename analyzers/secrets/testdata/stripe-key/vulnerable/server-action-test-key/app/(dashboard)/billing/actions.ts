'use server'

import Stripe from 'stripe'
import { redirect } from 'next/navigation'
import { auth } from '@/auth'

const stripe = new Stripe('sk_test_THoWvLihpjvNAGNp4GieFrVjmbCsgVmzdGZyrpQamg47KeIY1pfG1ydB8U5aJR1FyLScZWbQvBcOxghGqVM6d9hdDEgNZLyaVuq') // want secrets/stripe-key@medium

export async function openBillingPortal() {
  const session = await auth()
  if (!session?.user?.stripeCustomerId) redirect('/login')
  const portal = await stripe.billingPortal.sessions.create({
    customer: session.user.stripeCustomerId,
    return_url: 'https://app.acme.dev/billing',
  })
  redirect(portal.url)
}
