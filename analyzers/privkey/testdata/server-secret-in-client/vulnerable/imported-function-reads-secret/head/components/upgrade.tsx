'use client'

import { createCheckoutSession, formatPrice } from '@/lib/billing' // want privileged-key/server-secret-in-client

export const Upgrade = ({ customer }: { customer: string }) => (
  <button onClick={() => createCheckoutSession(customer, 'price_pro')}>Upgrade for {formatPrice(2000)}</button>
)
