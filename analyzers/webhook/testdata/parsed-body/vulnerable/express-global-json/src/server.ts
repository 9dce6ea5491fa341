import express from "express";
import Stripe from "stripe";
import { activate } from "./billing";

const app = express();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string);

app.use(express.json());
app.use(express.urlencoded({ extended: true }));

app.post("/api/stripe/webhook", express.raw({ type: "application/json" }), async (req, res) => {
  const sig = req.headers["stripe-signature"] as string;
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, sig, process.env.STRIPE_WEBHOOK_SECRET as string); // want webhook/parsed-body
  } catch (err) {
    return res.status(400).send("bad signature");
  }
  if (event.type === "checkout.session.completed") await activate(event.data.object as Stripe.Checkout.Session);
  res.json({ received: true });
});

app.listen(3001);
