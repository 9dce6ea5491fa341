import { stripe } from "@/lib/stripe";
import { addSeats } from "@/lib/seats";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!); // want webhook/idempotency-removed
  if (event.type === "invoice.paid") await addSeats(String(event.data.object.customer), 5);
  return new Response("ok");
}
