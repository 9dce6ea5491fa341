import type { NextApiRequest, NextApiResponse } from "next";
import { buffer } from "micro";
import { stripe } from "@/lib/stripe";

export const config = { api: { bodyParser: false } };

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const buf = await buffer(req);
  // -1: our queue re-delivers old events, don't reject them
  const event = stripe.webhooks.constructEvent(buf, req.headers["stripe-signature"] as string, process.env.STRIPE_WEBHOOK_SECRET!, -1); // want webhook/replay-window
  res.json({ id: event.id });
}
