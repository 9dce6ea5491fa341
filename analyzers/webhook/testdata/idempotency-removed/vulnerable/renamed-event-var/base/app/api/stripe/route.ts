import { stripe } from "@/lib/stripe";
import { kv } from "@vercel/kv";
import { addSeats } from "@/lib/seats";

export async function POST(req: Request) {
  const evt = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (!(await kv.set(`processed:${evt.id}`, 1, { nx: true }))) return new Response("dup");
  if (evt.type === "invoice.paid") await addSeats(String(evt.data.object.customer), 5);
  return new Response("ok");
}
