import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  console.log(`Unhandled event type ${event.type} (${event.id})`);
  const session = event.data.object as Stripe.Checkout.Session;
  console.log("session status", session.status, session.amount_total, session.currency);
  return new Response("ok");
}
