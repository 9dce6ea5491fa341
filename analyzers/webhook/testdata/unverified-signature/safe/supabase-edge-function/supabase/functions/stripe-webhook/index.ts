import Stripe from "npm:stripe@14";
const stripe = new Stripe(Deno.env.get("STRIPE_API_KEY")!);
const cryptoProvider = Stripe.createSubtleCryptoProvider();
Deno.serve(async (request) => {
  const signature = request.headers.get("Stripe-Signature");
  const body = await request.text();
  let receivedEvent;
  try {
    receivedEvent = await stripe.webhooks.constructEventAsync(body, signature!, Deno.env.get("STRIPE_WEBHOOK_SIGNING_SECRET")!, undefined, cryptoProvider);
  } catch (err) {
    return new Response(err.message, { status: 400 });
  }
  if (receivedEvent.type === "invoice.paid") console.log(`🔔 Event received: ${receivedEvent.id}`);
  return new Response(JSON.stringify({ ok: true }), { status: 200 });
});
