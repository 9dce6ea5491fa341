import Stripe from 'stripe'
import { POST } from '@/app/api/webhooks/stripe/route'

const secret = 'whsec_xkMiGXphQbtbl0GKOw2w3fxyenvAzoxi'
process.env.STRIPE_WEBHOOK_SECRET = secret

it('accepts a signed event', async () => {
  const payload = JSON.stringify({ id: 'evt_1', type: 'checkout.session.completed' })
  const header = new Stripe('sk_test_fake').webhooks.generateTestHeaderString({ payload, secret })
  const res = await POST(new Request('http://localhost', { method: 'POST', body: payload, headers: { 'stripe-signature': header } }))
  expect(res.status).toBe(200)
})
