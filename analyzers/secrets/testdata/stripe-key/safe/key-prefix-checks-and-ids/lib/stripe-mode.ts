const PRICE_PRO = 'price_1OqXyZ2eZvKYlo2C8d9fGh7i'
const PRODUCT_TEAM = 'prod_PfGh7iJkLmNoPq'

export function stripeMode(key: string): 'live' | 'test' {
  if (key.startsWith('sk_live_') || key.startsWith('rk_live_')) return 'live'
  if (key.startsWith('sk_test_')) return 'test'
  throw new Error('STRIPE_SECRET_KEY must start with sk_live_ or sk_test_')
}

export const prices = { pro: PRICE_PRO, team: PRODUCT_TEAM }
