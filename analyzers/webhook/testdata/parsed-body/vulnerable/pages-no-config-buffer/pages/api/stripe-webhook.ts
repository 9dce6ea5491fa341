import type { NextApiRequest, NextApiResponse } from "next";
import { buffer } from "micro";
import { stripe } from "../../lib/stripe";
import { handleEvent } from "../../lib/billing";

export default async function stripeWebhook(req: NextApiRequest, res: NextApiResponse) {
  const buf = await buffer(req);
  const signature = req.headers["stripe-signature"]!;
  try {
    const event = stripe.webhooks.constructEvent(buf.toString(), signature, process.env.STRIPE_WEBHOOK_SECRET!); // want webhook/parsed-body
    await handleEvent(event);
    res.status(200).json({ received: true });
  } catch (err) {
    res.status(400).send(`Webhook Error: ${(err as Error).message}`);
  }
}
