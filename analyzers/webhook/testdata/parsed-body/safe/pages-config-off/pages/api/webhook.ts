import type { NextApiRequest, NextApiResponse } from "next";
import getRawBody from "raw-body";
import { stripe } from "@/lib/stripe";

export const config = {
  api: {
    bodyParser: false,
  },
};

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const rawBody = await getRawBody(req);
  const event = stripe.webhooks.constructEvent(rawBody, req.headers["stripe-signature"] as string, process.env.STRIPE_WEBHOOK_SECRET!);
  res.json({ received: event.id });
}
