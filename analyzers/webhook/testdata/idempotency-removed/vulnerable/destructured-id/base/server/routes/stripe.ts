import express from "express";
import Stripe from "stripe";
import { processed, markProcessed } from "../store";
import { creditWallet } from "../wallet";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
export const router = express.Router();

router.post("/stripe", express.raw({ type: "application/json" }), async (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"] as string, process.env.STRIPE_WEBHOOK_SECRET!);
  const { id, type } = event;
  if (await processed(id)) return res.sendStatus(200);
  if (type === "payment_intent.succeeded") {
    await creditWallet(event.data.object as Stripe.PaymentIntent);
  }
  await markProcessed(id);
  res.sendStatus(200);
});
