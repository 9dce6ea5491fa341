import { createClient } from "@supabase/supabase-js";

const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY);

export async function POST(req) {
  const { type, data } = await req.json(); // want webhook/unverified-signature

  switch (type) {
    case "checkout.session.completed":
      await supabase.from("profiles").update({ is_pro: true }).eq("stripe_customer_id", data.object.customer);
      break;
    case "customer.subscription.deleted":
      await supabase.from("profiles").update({ is_pro: false }).eq("stripe_customer_id", data.object.customer);
      break;
    default:
      break;
  }
  return Response.json({ ok: true });
}
