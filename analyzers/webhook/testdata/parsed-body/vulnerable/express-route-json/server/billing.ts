import express from "express";
import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
export const billing = express.Router();

billing.post("/stripe/webhook", express.json(), async (req, res) => {
  try {
    const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"] as string, process.env.STRIPE_WEBHOOK_SECRET!); // want webhook/parsed-body
    res.json({ received: event.id });
  } catch {
    res.status(400).end();
  }
});
