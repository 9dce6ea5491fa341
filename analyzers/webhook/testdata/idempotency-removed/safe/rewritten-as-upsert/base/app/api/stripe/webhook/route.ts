import { stripe } from "@/lib/stripe";
import { db } from "@/lib/db";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  const existing = await db.webhookEvent.findUnique({ where: { stripeId: event.id } });
  if (existing) return new Response("dup");
  await db.webhookEvent.create({ data: { stripeId: event.id, type: event.type } });
  if (event.type === "invoice.paid") await db.invoice.create({ data: { stripeId: event.data.object.id } });
  return new Response("ok");
}
