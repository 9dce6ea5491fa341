import Stripe from 'stripe'
import { PlanPicker } from './plan-picker'

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)

export default async function BillingPage() {
  const prices = await stripe.prices.list({ active: true })
  return <PlanPicker prices={prices.data.map((p) => ({ id: p.id, amount: p.unit_amount }))} />
}
