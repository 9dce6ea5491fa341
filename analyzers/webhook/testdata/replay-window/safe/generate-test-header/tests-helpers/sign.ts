import Stripe from "stripe";

const stripe = new Stripe("sk_test_dummy");

export function signedRequest(payload: string) {
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_test" });
  return { payload, header };
}
