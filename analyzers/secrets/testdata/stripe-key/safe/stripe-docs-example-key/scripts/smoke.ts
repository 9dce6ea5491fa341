import Stripe from 'stripe'
// the public key from Stripe's API reference: it only sees Stripe's sample data
const stripe = new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc')
await stripe.balance.retrieve()
