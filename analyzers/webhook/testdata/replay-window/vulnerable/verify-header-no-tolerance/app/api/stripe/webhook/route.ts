import Stripe from "stripe";
import { fulfill } from "@/lib/fulfill";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request) {
  const body = await req.text();
  const sig = req.headers.get("stripe-signature")!;
  try {
    stripe.webhooks.signature.verifyHeader(body, sig, process.env.STRIPE_WEBHOOK_SECRET!); // want webhook/replay-window
  } catch {
    return new Response("invalid", { status: 400 });
  }
  const event = JSON.parse(body) as Stripe.Event;
  if (event.type === "checkout.session.completed") await fulfill(event.data.object);
  return new Response("ok");
}
