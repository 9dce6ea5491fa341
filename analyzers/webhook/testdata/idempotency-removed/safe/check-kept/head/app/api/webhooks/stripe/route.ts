import { stripe } from "@/lib/stripe";
import { prisma } from "@/lib/prisma";
import { log } from "@/lib/log";

export async function POST(req: Request) {
  const signature = req.headers.get("stripe-signature")!;
  const event = stripe.webhooks.constructEvent(await req.text(), signature, process.env.STRIPE_WEBHOOK_SECRET!);
  log.info("stripe event received", { type: event.type });

  if (await prisma.stripeEvent.findUnique({ where: { id: event.id } })) return new Response("dup");
  await prisma.stripeEvent.create({ data: { id: event.id } });
  if (event.type === "invoice.paid") {
    await prisma.account.update({ where: { stripeCustomerId: String(event.data.object.customer) }, data: { paid: true } });
  }
  return new Response("ok");
}
