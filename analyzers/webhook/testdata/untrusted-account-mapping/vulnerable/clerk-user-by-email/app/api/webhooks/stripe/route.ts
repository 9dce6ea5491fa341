import type Stripe from "stripe";
import { clerkClient } from "@clerk/nextjs/server";
import { stripe } from "@/lib/stripe";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "checkout.session.completed") {
    const session = event.data.object as Stripe.Checkout.Session;
    const client = await clerkClient();
    const { data: users } = await client.users.getUserList({ emailAddress: [session.customer_details!.email!] }); // want webhook/untrusted-account-mapping@high
    if (users[0]) await client.users.updateUserMetadata(users[0].id, { publicMetadata: { plan: "pro" } });
  }
  return new Response("ok");
}
