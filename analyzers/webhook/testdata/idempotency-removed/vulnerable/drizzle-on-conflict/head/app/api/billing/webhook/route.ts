import type Stripe from "stripe";
import { db } from "@/db";
import { orgs } from "@/db/schema";
import { eq, sql } from "drizzle-orm";
import { stripe } from "@/lib/stripe";

export async function POST(request: Request) {
  const payload = await request.text();
  const stripeEvent = stripe.webhooks.constructEvent(payload, request.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!); // want webhook/idempotency-removed

  switch (stripeEvent.type) {
    case "invoice.paid": {
      const invoice = stripeEvent.data.object as Stripe.Invoice;
      await db.update(orgs).set({ credits: sql`${orgs.credits} + 1000` }).where(eq(orgs.stripeCustomerId, String(invoice.customer)));
      break;
    }
  }
  return Response.json({ ok: true });
}
