import Stripe from 'stripe';
import getRawBody from 'raw-body';
import { grantPro } from '../../../lib/plans';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
export const config = { api: { bodyParser: false } };

export default async function handler(req, res) {
  const raw = (await getRawBody(req)).toString();
  try {
    stripe.webhooks.constructEvent(raw, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET);
  } catch (err) {
    console.error('signature mismatch', err.message);
  }
  const event = JSON.parse(raw); // want webhook/unverified-signature
  if (event.type === 'checkout.session.completed') {
    await grantPro(event.data.object.customer);
  }
  res.json({ received: true });
}
