import Stripe from 'stripe'

export const formatPrice = (cents: number, currency = 'usd') =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100)

export async function createCheckoutSession(customer: string, price: string) {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)
  return stripe.checkout.sessions.create({ customer, mode: 'subscription', line_items: [{ price, quantity: 1 }] })
}
