import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export default async function handler(req, res) {
  let event;
  try {
    event = stripe.webhooks.constructEvent(
      req.body, // want webhook/parsed-body
      req.headers['stripe-signature'],
      process.env.STRIPE_WEBHOOK_SECRET,
    );
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
  res.json({ type: event.type });
}
