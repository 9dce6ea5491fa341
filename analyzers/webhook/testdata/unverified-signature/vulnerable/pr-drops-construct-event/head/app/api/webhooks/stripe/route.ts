import Stripe from "stripe";
import { upsertSubscription } from "@/lib/billing";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });

export async function POST(req: Request) {
  const body = await req.text();

  // TODO: signature verification kept failing on preview deployments
  const event: Stripe.Event = JSON.parse(body); // want webhook/unverified-signature

  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
      await upsertSubscription(event.data.object as Stripe.Subscription);
      break;
  }
  return new Response(null, { status: 200 });
}
