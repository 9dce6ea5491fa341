import Stripe from "stripe";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { stripe } from "@/lib/stripe";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (event.type === "customer.subscription.updated") {
    const sub = event.data.object as Stripe.Subscription;
    const { data: profile } = await supabaseAdmin.from("profiles").select("id, stripe_customer_id").eq("id", sub.metadata.userId).single();
    if (!profile || profile.stripe_customer_id !== sub.customer) {
      return new Response("customer mismatch", { status: 400 });
    }
    await supabaseAdmin.from("profiles").update({ plan: sub.status }).eq("id", profile.id);
  }
  return new Response("ok");
}
