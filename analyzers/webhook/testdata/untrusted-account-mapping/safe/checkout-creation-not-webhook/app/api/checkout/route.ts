import { auth } from "@/auth";
import { stripe } from "@/lib/stripe";
import { prisma } from "@/lib/prisma";

export async function POST() {
  const session = await auth();
  if (!session?.user?.email) return new Response("unauthorized", { status: 401 });
  const user = await prisma.user.findUnique({ where: { email: session.user.email } });
  const checkout = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: user!.stripeCustomerId!,
    metadata: { userId: user!.id },
    line_items: [{ price: process.env.STRIPE_PRICE_ID!, quantity: 1 }],
    success_url: `${process.env.APP_URL}/billing?ok=1`,
  });
  return Response.json({ url: checkout.url });
}
