'use client'
import { stripe } from '@/lib/stripe'
export const Plan = () => <button onClick={() => stripe.prices.list()}>Plans</button>
