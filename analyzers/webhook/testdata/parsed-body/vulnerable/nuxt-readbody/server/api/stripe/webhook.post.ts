import Stripe from "stripe";

export default defineEventHandler(async (event) => {
  const stripe = new Stripe(useRuntimeConfig().stripeSecretKey);
  const payload = await readBody(event);
  const signature = getHeader(event, "stripe-signature") || "";
  let stripeEvent: Stripe.Event;
  try {
    stripeEvent = stripe.webhooks.constructEvent(JSON.stringify(payload), signature, useRuntimeConfig().stripeWebhookSecret); // want webhook/parsed-body
  } catch (err) {
    return { statusCode: 400, message: "Webhook verification failed" };
  }
  return { received: stripeEvent.id };
});
