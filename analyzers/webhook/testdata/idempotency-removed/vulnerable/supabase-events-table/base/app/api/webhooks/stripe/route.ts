import Stripe from "stripe";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { stripe } from "@/lib/stripe";

export async function POST(req: Request) {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return new Response("bad signature", { status: 400 });
  }

  const { error: dup } = await supabaseAdmin.from("stripe_events").insert({ id: event.id, type: event.type });
  if (dup) return new Response("already processed", { status: 200 });

  if (event.type === "checkout.session.completed") {
    const session = event.data.object as Stripe.Checkout.Session;
    await supabaseAdmin.rpc("add_credits", { customer: session.customer, amount: 100 });
  }
  return new Response("ok");
}
