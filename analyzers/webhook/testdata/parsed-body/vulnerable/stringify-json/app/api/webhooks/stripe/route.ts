import Stripe from "stripe";
import { NextResponse } from "next/server";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request) {
  const body = await req.json();
  const sig = req.headers.get("stripe-signature")!;
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(JSON.stringify(body), sig, process.env.STRIPE_WEBHOOK_SECRET!); // want webhook/parsed-body
  } catch {
    return NextResponse.json({ error: "invalid signature" }, { status: 400 });
  }
  console.log("stripe event", event.type);
  return NextResponse.json({ ok: true });
}
