import type Stripe from "stripe";
import { stripe } from "@/lib/stripe";
import { onCheckoutCompleted, onSubscriptionDeleted } from "@/server/billing";

const handlers: Partial<Record<Stripe.Event.Type, (e: Stripe.Event) => Promise<void>>> = {
  "checkout.session.completed": onCheckoutCompleted,
  "customer.subscription.deleted": onSubscriptionDeleted,
};

export async function POST(req: Request) {
  const event = await stripe.webhooks.constructEventAsync(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  await handlers[event.type]?.(event);
  return Response.json({ received: true });
}
