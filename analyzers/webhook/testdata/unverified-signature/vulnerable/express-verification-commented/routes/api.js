const express = require('express');
const { fulfillOrder } = require('../services/orders');

const apiRouter = express.Router();

apiRouter.post('/webhook', express.raw({ type: 'application/json' }), (req, res) => {
    const sig = req.headers['stripe-signature'];

    let data = req.body.data.object;
    let eventType = req.body.type; // want webhook/unverified-signature

    // if (process.env.WEBHOOK_SECRET) {
    //     event = stripe.webhooks.constructEvent(req.body, sig, process.env.WEBHOOK_SECRET);
    // }

    if (eventType === 'checkout.session.completed') {
        fulfillOrder(data);
    }
    res.sendStatus(200);
});

module.exports = apiRouter;
