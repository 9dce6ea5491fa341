import Stripe from "stripe";
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const FIVE_MINUTES = 5 * 60;

export function parseStripe(raw: Buffer, sig: string) {
  return stripe.webhooks.constructEvent(raw, sig, process.env.STRIPE_WEBHOOK_SECRET!, FIVE_MINUTES);
}
