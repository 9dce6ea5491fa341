import Stripe from 'npm:stripe@14'

const stripe = new Stripe(Deno.env.get('STRIPE_SECRET_KEY')!, { httpClient: Stripe.createFetchHttpClient() })
const cryptoProvider = Stripe.createSubtleCryptoProvider()

Deno.serve(async (req) => {
  const body = await req.text()
  const sig = req.headers.get('Stripe-Signature')!
  const event = await stripe.webhooks.constructEventAsync(
    body,
    sig,
    `whsec_8RI1nf2q6AS1jRUF7mo7vQpu0tY1CNLO`, // want secrets/stripe-webhook-secret
    undefined,
    cryptoProvider,
  )
  return new Response(JSON.stringify({ ok: true, type: event.type }), { status: 200 })
})
