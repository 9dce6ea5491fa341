import { stripe } from "@/lib/stripe";
import { supabaseAdmin } from "@/lib/supabase/admin";

export async function POST(req: Request) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
  const { error } = await supabaseAdmin.from("processed_events").insert({ event_id: event.id });
  if (error) return new Response("dup");
  if (event.type === "checkout.session.completed") {
    await supabaseAdmin.from("orders").update({ status: "paid" }).eq("checkout_session_id", event.data.object.id);
  }
  return new Response("ok");
}
