import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request) {
  const buf = Buffer.from(await req.arrayBuffer());
  const event = await stripe.webhooks.constructEventAsync(buf, req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  return new Response(JSON.stringify({ received: event.id }));
}
