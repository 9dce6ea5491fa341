const bodyParser = require('body-parser');
const app = require('express')();
const stripe = require('stripe')(process.env.STRIPE_KEY);

app.use(bodyParser.json());

app.post('/stripe/webhook', bodyParser.raw({ type: '*/*' }), function (req, res) {
  var event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.get('stripe-signature'), process.env.STRIPE_ENDPOINT_SECRET); // want webhook/parsed-body
  } catch (e) {
    return res.sendStatus(400);
  }
  res.sendStatus(200);
});

module.exports = app;
