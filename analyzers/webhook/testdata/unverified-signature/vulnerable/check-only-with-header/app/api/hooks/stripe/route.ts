import { stripe } from "@/lib/stripe";

export async function POST(req: Request) {
  const raw = await req.clone().text();
  const sig = req.headers.get("stripe-signature");
  if (sig) {
    try {
      stripe.webhooks.constructEvent(raw, sig, process.env.STRIPE_WEBHOOK_SECRET!);
    } catch {
      return new Response("bad sig", { status: 400 });
    }
  }
  const event = await req.json(); // want webhook/unverified-signature
  if (event.type === "checkout.session.completed") {
    await fetch(process.env.INTERNAL_URL + "/grant", { method: "POST", body: JSON.stringify(event.data.object) });
  }
  return new Response("ok");
}
