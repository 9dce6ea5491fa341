import Stripe from "stripe";
import { supabaseAdmin } from "@/lib/supabase/admin";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export async function POST(req) {
  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature"), process.env.STRIPE_WEBHOOK_SECRET);
  switch (event.type) {
    case "customer.subscription.updated": {
      const subscription = event.data.object;
      const { userId, workspaceId } = subscription.metadata;
      await supabaseAdmin
        .from("workspaces")
        .update({ seats: subscription.items.data[0].quantity, plan: subscription.status })
        .eq("id", workspaceId); // want webhook/untrusted-account-mapping
      console.log("updated", userId);
      break;
    }
  }
  return new Response("ok");
}
