import express from "express";
import { stripe } from "./stripe";

const app = express();
app.use(
  express.json({
    verify: (req: any, _res, buf) => {
      req.rawBody = buf;
    },
  }),
);

app.post("/hooks/stripe", (req: any, res) => {
  const event = stripe.webhooks.constructEvent(req.rawBody, req.header("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  res.json({ ok: event.id });
});

export default app;
