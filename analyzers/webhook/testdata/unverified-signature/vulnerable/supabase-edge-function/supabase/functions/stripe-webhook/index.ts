import { createClient } from "npm:@supabase/supabase-js@2";

const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);

Deno.serve(async (req) => {
  const signature = req.headers.get("Stripe-Signature");
  if (!signature) return new Response("missing signature", { status: 400 });
  const event = await req.json(); // want webhook/unverified-signature
  if (event.type === "customer.subscription.deleted") {
    await supabase.from("subscriptions").update({ status: "canceled" }).eq("stripe_subscription_id", event.data.object.id);
  }
  return new Response(JSON.stringify({ ok: true }), { headers: { "Content-Type": "application/json" } });
});
