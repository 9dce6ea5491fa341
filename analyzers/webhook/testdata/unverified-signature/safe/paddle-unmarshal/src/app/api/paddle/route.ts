import { NextRequest } from "next/server";
import { Paddle, EventName } from "@paddle/paddle-node-sdk";

const paddle = new Paddle(process.env.PADDLE_API_KEY!);

export async function POST(req: NextRequest) {
  const signature = req.headers.get("paddle-signature") ?? "";
  const rawBody = await req.text();
  const event = await paddle.webhooks.unmarshal(rawBody, process.env.PADDLE_WEBHOOK_SECRET!, signature);
  if (event.eventType === EventName.TransactionCompleted) {
    console.log("transaction", event.data.id);
  }
  if (event.event_type === "transaction.completed") return Response.json({ ok: true });
  return Response.json({ ok: true });
}
