import { stripe } from "@/lib/stripe";

export async function POST(request) {
  const payload = await request.json();
  const raw = JSON.stringify(payload, null, 2);
  const signature = request.headers.get("stripe-signature");
  const event = await stripe.webhooks.constructEventAsync(raw, signature, process.env.STRIPE_WEBHOOK_SECRET); // want webhook/parsed-body
  return Response.json({ received: event.id });
}
