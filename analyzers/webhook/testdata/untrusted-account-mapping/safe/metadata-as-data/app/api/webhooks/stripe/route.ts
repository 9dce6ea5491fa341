import Stripe from "stripe";
import { prisma } from "@/lib/prisma";
import { stripe } from "@/lib/stripe";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "checkout.session.completed") {
    const session = event.data.object as Stripe.Checkout.Session;
    await prisma.user.update({
      where: { stripeCustomerId: session.customer as string },
      data: { credits: { increment: Number(session.metadata?.credits ?? 0) }, lastPlan: session.metadata?.plan },
    });
  }
  return new Response("ok");
}
