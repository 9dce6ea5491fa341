import Stripe from 'stripe';
import getRawBody from 'raw-body';
import { markPaid } from '../lib/orders.js';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export const config = { api: { bodyParser: false } };

export default async function handler(req, res) {
  const raw = (await getRawBody(req)).toString('utf8');
  try {
    stripe.webhooks.constructEvent(raw, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET);
  } catch (err) {
    return res.status(400).send('invalid signature');
  }
  const event = JSON.parse(raw);
  if (event.type === 'payment_intent.succeeded') {
    await markPaid(event.data.object.metadata.orderId);
  }
  res.status(200).end();
}
