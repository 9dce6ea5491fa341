import { NextResponse } from "next/server";
import type Stripe from "stripe";
import { stripe } from "@/lib/stripe";
import { prisma } from "@/lib/db";

export async function POST(req: Request) {
  const body = await req.text();
  const event = stripe.webhooks.constructEvent(body, req.headers.get("Stripe-Signature") as string, process.env.STRIPE_WEBHOOK_SECRET!);
  const session = event.data.object as Stripe.Checkout.Session;

  if (event.type === "checkout.session.completed") {
    const subscription = await stripe.subscriptions.retrieve(session.subscription as string);
    await prisma.user.update({
      where: {
        id: session.metadata?.userId, // want webhook/untrusted-account-mapping@medium
      },
      data: {
        stripeSubscriptionId: subscription.id,
        stripeCustomerId: subscription.customer as string,
        stripePriceId: subscription.items.data[0].price.id,
      },
    });
  }
  return new NextResponse(null, { status: 200 });
}
