import { NextResponse } from "next/server";
import { supabaseAdmin } from "@/lib/supabase-admin";

export async function POST(req: Request) {
  const event = await req.json(); // want webhook/unverified-signature

  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      await supabaseAdmin
        .from("subscriptions")
        .upsert({ stripe_customer_id: session.customer, status: "active" });
      break;
    }
    case "customer.subscription.deleted":
      await supabaseAdmin.from("subscriptions").update({ status: "canceled" }).eq("stripe_subscription_id", event.data.object.id);
      break;
  }
  return NextResponse.json({ received: true });
}
