import Stripe from "stripe";

export default defineEventHandler(async (event) => {
  const stripe = new Stripe(useRuntimeConfig().stripeSecretKey);
  const body = await readRawBody(event);
  const stripeEvent = stripe.webhooks.constructEvent(body!, getHeader(event, "stripe-signature")!, useRuntimeConfig().stripeWebhookSecret);
  if (stripeEvent.type === "invoice.paid") {
    await $fetch("/api/internal/mark-paid", { method: "POST", body: { id: stripeEvent.data.object.id } });
  }
  return { ok: true };
});
