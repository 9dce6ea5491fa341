import { stripe } from "@/lib/stripe";
import { db } from "@/lib/db";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  const claimed = await db.$executeRaw`insert into webhook_events (stripe_id, type) values (${event.id}, ${event.type}) on conflict do nothing`;
  if (claimed === 0) return new Response("dup");
  if (event.type === "invoice.paid") await db.invoice.create({ data: { stripeId: event.data.object.id } });
  return new Response("ok");
}
