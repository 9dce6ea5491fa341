import { redis } from "@/lib/redis";
import { stripe } from "@/lib/stripe";
import { grantTokens } from "@/lib/tokens";

export async function POST(req) {
  const evt = await stripe.webhooks.constructEventAsync(await req.text(), req.headers.get("stripe-signature"), process.env.STRIPE_WEBHOOK_SECRET);
  const fresh = await redis.set(`stripe:evt:${evt.id}`, "1", { nx: true, ex: 60 * 60 * 24 * 7 });
  if (!fresh) return new Response("dup");
  if (evt.type === "checkout.session.completed") {
    await grantTokens(evt.data.object.customer, 50000);
  }
  return new Response("ok");
}
