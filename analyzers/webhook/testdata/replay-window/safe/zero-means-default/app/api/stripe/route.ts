import { stripe } from "@/lib/stripe";

// stripe-node treats a falsy tolerance as its 300-second default in constructEvent.
export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!, 0);
  return Response.json({ id: event.id });
}
