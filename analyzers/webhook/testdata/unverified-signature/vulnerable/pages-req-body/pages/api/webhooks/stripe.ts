import type { NextApiRequest, NextApiResponse } from "next";
import Stripe from "stripe";
import { prisma } from "../../../lib/prisma";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") return res.status(405).end();
  const event = req.body as Stripe.Event; // want webhook/unverified-signature

  if (event.type === "invoice.paid") {
    const invoice = event.data.object as Stripe.Invoice;
    await prisma.subscription.update({
      where: { stripeCustomerId: invoice.customer as string },
      data: { currentPeriodEnd: new Date(invoice.period_end * 1000) },
    });
  }
  res.json({ received: true });
}
