import { stripe } from "@/lib/stripe";
import { activate } from "@/lib/billing";

export async function POST(req: Request) {
  const event = await req.json();
  if (event.type === "checkout.session.completed") await activate(event.data.object);
  return new Response("ok");
}
