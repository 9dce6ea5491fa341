import { db } from "@/lib/db";

export async function POST(request: Request) {
  const payload = await request.json(); // want webhook/unverified-signature
  const eventName = payload.meta.event_name;
  if (eventName === "order_created") {
    await db.user.update({ where: { id: payload.meta.custom_data.user_id }, data: { plan: "pro" } });
  }
  if (eventName === "subscription_cancelled") {
    await db.user.update({ where: { id: payload.meta.custom_data.user_id }, data: { plan: "free" } });
  }
  return new Response("OK");
}
