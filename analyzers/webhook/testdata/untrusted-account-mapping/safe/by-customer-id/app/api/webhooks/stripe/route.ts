import Stripe from "stripe";
import { supabaseAdmin } from "@/lib/supabase/admin";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "checkout.session.completed") {
    const session = event.data.object as Stripe.Checkout.Session;
    const { data: customer } = await supabaseAdmin.from("customers").select("id").eq("stripe_customer_id", session.customer as string).single();
    await supabaseAdmin.from("profiles").update({ plan: "pro" }).eq("id", customer!.id);
  }
  return new Response("ok");
}
