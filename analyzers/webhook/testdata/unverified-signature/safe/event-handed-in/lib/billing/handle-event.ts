import type Stripe from "stripe";
import { supabaseAdmin } from "../supabase-admin";

// Called by the webhook route after constructEvent.
export async function handleStripeEvent(event: Stripe.Event) {
  switch (event.type) {
    case "customer.subscription.updated": {
      const sub = event.data.object as Stripe.Subscription;
      await supabaseAdmin.from("subscriptions").update({ status: sub.status }).eq("id", sub.id);
      break;
    }
    case "customer.subscription.deleted":
      await supabaseAdmin.from("subscriptions").delete().eq("id", (event.data.object as Stripe.Subscription).id);
      break;
  }
}
