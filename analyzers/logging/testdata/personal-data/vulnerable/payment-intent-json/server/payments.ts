import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function charge(customerId: string, amount: number) {
  const paymentIntent = await stripe.paymentIntents.create({ customer: customerId, amount, currency: "usd", confirm: true });
  console.log("payment intent", JSON.stringify(paymentIntent, null, 2)); // want logging/personal-data
  return paymentIntent.id;
}
