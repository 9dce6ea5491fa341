import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { httpClient: Stripe.createFetchHttpClient() });

export async function POST(request) {
  const body = await request.text();
  const event = await stripe.webhooks.constructEventAsync(body, request.headers.get('stripe-signature'), process.env.STRIPE_WEBHOOK_SECRET, 3600, Stripe.createSubtleCryptoProvider()); // want webhook/replay-window
  return new Response(event.id);
}
