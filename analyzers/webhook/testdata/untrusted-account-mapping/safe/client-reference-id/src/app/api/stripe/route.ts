import type Stripe from "stripe";
import { stripe } from "@/lib/stripe";
import { db } from "@/lib/db";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "checkout.session.completed") {
    const session = event.data.object as Stripe.Checkout.Session;
    // client_reference_id is set on the server from the signed-in user when the session is created
    await db.user.update({ where: { id: session.client_reference_id! }, data: { stripeCustomerId: session.customer as string } });
  }
  return new Response("ok");
}
