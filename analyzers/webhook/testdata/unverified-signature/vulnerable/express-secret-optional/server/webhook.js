const express = require('express');
const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);
const { grantCredits } = require('./credits');

const app = express();
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;

app.post('/webhook', express.raw({ type: 'application/json' }), (request, response) => {
  let event = request.body; // want webhook/unverified-signature
  // Only verify the event if you have an endpoint secret defined.
  if (endpointSecret) {
    const signature = request.headers['stripe-signature'];
    try {
      event = stripe.webhooks.constructEvent(request.body, signature, endpointSecret);
    } catch (err) {
      console.log(`Webhook signature verification failed.`, err.message);
      return response.sendStatus(400);
    }
  }

  switch (event.type) {
    case 'payment_intent.succeeded':
      grantCredits(event.data.object.customer, event.data.object.amount);
      break;
    default:
      console.log(`Unhandled event type ${event.type}.`);
  }
  response.send();
});

app.listen(4242);
