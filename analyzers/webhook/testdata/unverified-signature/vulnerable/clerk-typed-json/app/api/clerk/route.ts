import type { WebhookEvent } from "@clerk/nextjs/server";
import { db } from "@/lib/db";

export async function POST(req: Request) {
  const evt = (await req.json()) as WebhookEvent; // want webhook/unverified-signature
  switch (evt.type) {
    case "user.deleted":
      await db.user.delete({ where: { clerkId: evt.data.id! } });
      break;
  }
  return new Response("", { status: 200 });
}
