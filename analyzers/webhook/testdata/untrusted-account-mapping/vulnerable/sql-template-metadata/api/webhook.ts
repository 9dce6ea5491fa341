import { sql } from "@vercel/postgres";
import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(request: Request) {
  const event = stripe.webhooks.constructEvent(await request.text(), request.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "payment_intent.succeeded") {
    const intent = event.data.object as Stripe.PaymentIntent;
    await sql`update accounts set balance = balance + ${intent.amount} where id = ${intent.metadata.accountId}`; // want webhook/untrusted-account-mapping
  }
  return new Response("ok");
}
