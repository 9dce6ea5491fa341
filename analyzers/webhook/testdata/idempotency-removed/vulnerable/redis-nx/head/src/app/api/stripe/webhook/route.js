import { stripe } from "@/lib/stripe";
import { grantTokens } from "@/lib/tokens";

export async function POST(req) {
  const evt = await stripe.webhooks.constructEventAsync(await req.text(), req.headers.get("stripe-signature"), process.env.STRIPE_WEBHOOK_SECRET); // want webhook/idempotency-removed
  if (evt.type === "checkout.session.completed") {
    await grantTokens(evt.data.object.customer, 50000);
  }
  return new Response("ok");
}
