import Stripe from "stripe";

export class GatewayService {
  async handleStripeWebhook(config: { apiSecret: string; webhookSecret?: string }, data: any, signature?: string) {
    if (signature && config.webhookSecret) { // want webhook/unverified-signature
      const stripe = new Stripe(config.apiSecret);
      data = stripe.webhooks.constructEvent(data.raw, signature, config.webhookSecret);
    }

    const { type, data: eventData } = data;
    switch (type) {
      case "payment_intent.succeeded":
        return { status: "completed", amount: eventData.object.amount };
      case "payment_intent.payment_failed":
        return { status: "failed", amount: eventData.object.amount };
    }
    return { status: "pending" };
  }
}
