import Stripe from "stripe";
import { activatePlan } from "@/lib/plans";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

// Thin-payload pattern: we never trust the posted body, we fetch the event from Stripe by id.
export async function POST(req: Request) {
  const { id } = await req.json();
  const event = await stripe.events.retrieve(id);
  if (event.type === "checkout.session.completed") {
    await activatePlan(event.data.object as Stripe.Checkout.Session);
  }
  return Response.json({ ok: true });
}
