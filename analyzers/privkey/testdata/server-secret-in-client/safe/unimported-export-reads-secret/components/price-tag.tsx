'use client'

// Only the formatter runs in the browser; the secret is read inside createCheckoutSession.
import { formatPrice } from '@/lib/billing'

export const PriceTag = ({ cents }: { cents: number }) => <span>{formatPrice(cents)}</span>
