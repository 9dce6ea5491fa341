import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import { db } from "./db";
import { users } from "./db/schema";
import { stripe } from "./stripe";

export async function stripeWebhookHandler(req: Request) {
  const event = await stripe.webhooks.constructEventAsync(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "checkout.session.completed") {
    const checkout = event.data.object as Stripe.Checkout.Session;
    const email = checkout.customer_email ?? "";
    await db
      .update(users)
      .set({ isPro: true })
      .where(eq(users.email, email.toLowerCase())); // want webhook/untrusted-account-mapping@high
  }
  return new Response(null, { status: 204 });
}
