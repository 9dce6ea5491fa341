import Stripe from "stripe";
import type { Request, Response } from "express";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const TOLERANCE_SECONDS = 60 * 60 * 24;

export async function stripeWebhook(req: Request, res: Response) {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(
      req.body,
      req.headers["stripe-signature"] as string,
      process.env.STRIPE_WEBHOOK_SECRET!,
      TOLERANCE_SECONDS, // want webhook/replay-window
    );
  } catch (e) {
    return res.status(400).end();
  }
  res.json({ received: event.id });
}
