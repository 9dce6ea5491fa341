import type Stripe from "stripe";
import { supabaseAdmin } from "./supabase/admin";

// Returns false when the event was already processed.
export async function claimEvent(event: Stripe.Event): Promise<boolean> {
  const { error } = await supabaseAdmin.from("processed_events").insert({ event_id: event.id });
  return !error;
}
