import { stripe } from "@/lib/stripe";
import { prisma } from "@/lib/prisma";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "customer.subscription.updated") {
    await prisma.subscription.upsert({
      where: { id: event.data.object.id },
      create: { id: event.data.object.id, status: event.data.object.status },
      update: { status: event.data.object.status },
    });
  }
  return new Response("ok");
}
