import { readStripeEvent } from "@/lib/stripe-webhook";
import { fulfillOrder } from "@/lib/orders";

export async function POST(req: Request) {
  let event;
  try {
    event = await readStripeEvent(req);
  } catch {
    return new Response("bad signature", { status: 400 });
  }
  if (event.type === "checkout.session.completed") {
    await fulfillOrder(event.data.object.id);
  }
  return new Response("ok");
}
