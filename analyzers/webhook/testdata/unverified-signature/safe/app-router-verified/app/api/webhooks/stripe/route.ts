import Stripe from "stripe";
import { NextRequest, NextResponse } from "next/server";
import { recordSubscriptionState } from "@/server/subscriptions";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

const handledTypes = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
]);

export async function POST(req: NextRequest) {
  const body = await req.text();
  const sig = req.headers.get("stripe-signature") as string;
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET;
  let event: Stripe.Event;

  try {
    if (!sig || !webhookSecret) return new Response("not configured", { status: 400 });
    event = stripe.webhooks.constructEvent(body, sig, webhookSecret);
  } catch (err: any) {
    return new Response(`Webhook Error: ${err.message}`, { status: 400 });
  }

  if (handledTypes.has(event.type)) {
    switch (event.type) {
      case "customer.subscription.created":
      case "customer.subscription.updated":
      case "customer.subscription.deleted": {
        const subscription = event.data.object as Stripe.Subscription;
        await recordSubscriptionState(subscription.id, subscription.customer as string, event.type === "customer.subscription.created");
        break;
      }
      case "checkout.session.completed":
        break;
    }
  }
  return NextResponse.json({ received: true });
}
