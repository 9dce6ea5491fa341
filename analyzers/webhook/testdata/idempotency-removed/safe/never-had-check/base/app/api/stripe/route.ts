import { stripe } from "@/lib/stripe";
import { setPlan } from "@/lib/plans";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "customer.subscription.updated") await setPlan(event.data.object);
  return new Response("ok");
}
