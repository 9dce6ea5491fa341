import { stripe } from "@/lib/stripe";
import { handle } from "@/lib/stripe-events";

export async function POST(req: Request) {
  const payload = await req.text();
  await stripe.webhooks.signature.verifyHeaderAsync(payload, req.headers.get("stripe-signature") ?? "", process.env.STRIPE_WEBHOOK_SECRET!, 0); // want webhook/replay-window
  await handle(JSON.parse(payload));
  return Response.json({ ok: true });
}
