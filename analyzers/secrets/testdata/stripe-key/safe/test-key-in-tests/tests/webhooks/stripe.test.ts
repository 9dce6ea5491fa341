import Stripe from 'stripe'
import { POST } from '@/app/api/webhooks/stripe/route'

const stripe = new Stripe('sk_test_yppAahX0G4OEdSj6YIRzxB093cYdUQywAWRqCGcujQf5bAwXaAp6V4VN2DaDF2wWpRWpmJRSF1CMBICaer394GWmaZZHxUHsPir')

it('rejects a bad signature', async () => {
  const payload = JSON.stringify({ id: 'evt_test', object: 'event' })
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_mf4QkkdzHUkgxxHxJKPEhT04uOhu2THK' })
  const res = await POST(new Request('http://localhost/api/webhooks/stripe', {
    method: 'POST', body: payload, headers: { 'stripe-signature': header + 'x' },
  }))
  expect(res.status).toBe(400)
})
