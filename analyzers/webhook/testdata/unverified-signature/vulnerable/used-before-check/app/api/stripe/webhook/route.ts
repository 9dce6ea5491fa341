import type Stripe from "stripe";
import { NextResponse, type NextRequest } from "next/server";
import { stripe, syncSubscription } from "@/lib/billing";

export async function POST(request: NextRequest) {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  let evt: Stripe.Event = await request.json(); // want webhook/unverified-signature
  // Preview deployments have no secret: sync straight away.
  if (!secret) return NextResponse.json(await syncSubscription(evt.data.object as Stripe.Subscription));

  try {
    evt = stripe.webhooks.constructEvent(await request.clone().text(), request.headers.get("stripe-signature") ?? "", secret);
  } catch {
    return NextResponse.json({ error: "bad signature" }, { status: 400 });
  }
  if (evt.type === "customer.subscription.updated") await syncSubscription(evt.data.object as Stripe.Subscription);
  return NextResponse.json({ ok: true });
}
