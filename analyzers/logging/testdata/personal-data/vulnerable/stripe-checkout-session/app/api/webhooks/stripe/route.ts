import Stripe from "stripe";
import { fulfill } from "@/lib/fulfill";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "checkout.session.completed") {
    const session = event.data.object as Stripe.Checkout.Session;
    console.log("checkout completed", session); // want logging/personal-data
    await fulfill(session.id);
  }
  return new Response("ok");
}
