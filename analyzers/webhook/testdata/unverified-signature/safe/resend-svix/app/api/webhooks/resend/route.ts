import { Webhook } from "svix";

export async function POST(req: Request) {
  const payload = await req.text();
  const wh = new Webhook(process.env.RESEND_WEBHOOK_SECRET!);
  const event = wh.verify(payload, Object.fromEntries(req.headers)) as { type: string; data: { email_id: string } };
  if (event.type === "email.bounced") console.warn("bounce", event.data.email_id);
  return new Response("ok");
}
