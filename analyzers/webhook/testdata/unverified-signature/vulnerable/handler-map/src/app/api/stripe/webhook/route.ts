import type Stripe from "stripe";
import { onCheckoutCompleted, onSubscriptionDeleted } from "@/server/billing";

const handlers: Partial<Record<Stripe.Event.Type, (e: Stripe.Event) => Promise<void>>> = {
  "checkout.session.completed": onCheckoutCompleted,
  "customer.subscription.deleted": onSubscriptionDeleted,
};

export async function POST(req: Request) {
  const event = (await req.json()) as Stripe.Event; // want webhook/unverified-signature
  await handlers[event.type]?.(event);
  return Response.json({ received: true });
}
