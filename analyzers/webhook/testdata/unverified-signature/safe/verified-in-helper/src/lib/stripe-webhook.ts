import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function readStripeEvent(req: Request): Promise<Stripe.Event> {
  const raw = await req.text();
  const sig = req.headers.get("stripe-signature");
  if (!sig) throw new Error("missing signature");
  return stripe.webhooks.constructEventAsync(raw, sig, process.env.STRIPE_WEBHOOK_SECRET!);
}
