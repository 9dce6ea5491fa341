import type { FastifyInstance } from "fastify";

export default async function routes(app: FastifyInstance) {
  app.post("/stripe/webhook", async (request, reply) => {
    const event = request.body as { type: string; data: { object: any } }; // want webhook/unverified-signature
    if (event.type === "invoice.payment_succeeded") {
      await app.db.credit(event.data.object.customer, 1000);
    }
    return reply.send({ ok: true });
  });
}
