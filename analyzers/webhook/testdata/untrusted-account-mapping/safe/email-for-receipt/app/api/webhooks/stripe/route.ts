import Stripe from "stripe";
import { Resend } from "resend";
import { stripe } from "@/lib/stripe";
import { prisma } from "@/lib/prisma";

const resend = new Resend(process.env.RESEND_API_KEY);

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "checkout.session.completed") {
    const session = event.data.object as Stripe.Checkout.Session;
    await prisma.order.update({ where: { checkoutSessionId: session.id }, data: { status: "paid" } });
    await resend.emails.send({ from: "billing@acme.dev", to: session.customer_details!.email!, subject: "Thanks!", text: "Receipt attached" });
  }
  return new Response("ok");
}
