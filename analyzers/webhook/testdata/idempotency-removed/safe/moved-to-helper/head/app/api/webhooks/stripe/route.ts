import { stripe } from "@/lib/stripe";
import { supabaseAdmin } from "@/lib/supabase/admin";
import { claimEvent } from "@/lib/idempotency";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  if (!(await claimEvent(event))) return new Response("dup");
  if (event.type === "checkout.session.completed") {
    await supabaseAdmin.from("orders").update({ status: "paid" }).eq("checkout_session_id", event.data.object.id);
  }
  return new Response("ok");
}
