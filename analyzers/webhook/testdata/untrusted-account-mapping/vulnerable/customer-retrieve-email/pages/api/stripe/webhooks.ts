import type { NextApiRequest, NextApiResponse } from "next";
import { buffer } from "micro";
import Stripe from "stripe";
import { db } from "@/server/db";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
export const config = { api: { bodyParser: false } };

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const event = stripe.webhooks.constructEvent(await buffer(req), req.headers["stripe-signature"]!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "invoice.paid") {
    const invoice = event.data.object as Stripe.Invoice;
    const customer = (await stripe.customers.retrieve(invoice.customer as string)) as Stripe.Customer;
    await db.user.update({
      where: { email: customer.email! }, // want webhook/untrusted-account-mapping@high
      data: { credits: { increment: 100 } },
    });
  }
  res.json({ received: true });
}
