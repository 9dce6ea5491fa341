import type { NextApiRequest, NextApiResponse } from "next";
import { buffer } from "micro";
import { stripe } from "../../../lib/stripe";
import { prisma } from "../../../lib/prisma";

export const config = { api: { bodyParser: false } };

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const event = stripe.webhooks.constructEvent(await buffer(req), req.headers["stripe-signature"] as string, process.env.STRIPE_WEBHOOK_SECRET!); // want webhook/idempotency-removed

  switch (event.type) {
    case "invoice.paid":
      await prisma.team.update({ where: { stripeCustomerId: String(event.data.object.customer) }, data: { seats: { increment: 5 } } });
      break;
    case "invoice.payment_failed":
      await prisma.team.update({ where: { stripeCustomerId: String(event.data.object.customer) }, data: { pastDue: true } });
      break;
  }
  res.json({ received: true });
}
