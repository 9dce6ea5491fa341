import { NextRequest } from "next/server";
import { activateSubscription } from "@/server/billing";

// Paddle Billing webhook
export async function POST(req: NextRequest) {
  const event = await req.json(); // want webhook/unverified-signature
  switch (event.event_type) {
    case "transaction.completed":
      await activateSubscription(event.data.customer_id, event.data.items);
      break;
    case "subscription.canceled":
      break;
  }
  return Response.json({ ok: true });
}
