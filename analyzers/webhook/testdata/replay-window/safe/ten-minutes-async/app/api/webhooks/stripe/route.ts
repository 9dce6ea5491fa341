import { stripe } from "@/lib/stripe";

export async function POST(req: Request) {
  const body = await req.text();
  // 10 minutes: our edge proxy buffers deliveries during deploys
  const event = await stripe.webhooks.constructEventAsync(body, req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!, 600);
  return Response.json({ received: event.id });
}
