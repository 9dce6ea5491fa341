import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export function verifyStripe(body: string, signature: string) {
  return stripe.webhooks.signature.verifyHeader(body, signature, process.env.STRIPE_WEBHOOK_SECRET!, 300);
}
