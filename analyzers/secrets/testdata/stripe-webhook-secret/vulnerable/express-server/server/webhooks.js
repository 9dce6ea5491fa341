const express = require('express')
const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY)
const router = express.Router()

router.post('/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], 'whsec_H2WjQ5TY4MyWuUFjsUNPjc01T5GOBUSZ') // want secrets/stripe-webhook-secret
  res.json({ ok: true, type: event.type })
})

module.exports = router
