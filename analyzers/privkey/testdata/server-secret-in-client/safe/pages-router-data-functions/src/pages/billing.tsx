import Stripe from 'stripe'
import type { GetServerSideProps } from 'next'

export const getServerSideProps: GetServerSideProps = async () => {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)
  const prices = await stripe.prices.list({ active: true })
  return { props: { prices: prices.data.map((p) => ({ id: p.id, amount: p.unit_amount })) } }
}

export default function Billing({ prices }: { prices: { id: string; amount: number }[] }) {
  return <ul>{prices.map((p) => <li key={p.id}>{p.amount}</li>)}</ul>
}
