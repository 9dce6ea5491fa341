import { auth } from "@/auth";
import { logger } from "@/lib/logger";

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return new Response("unauthorized", { status: 401 });
  logger.info({ userId: session.user.id, route: "/api/chat" }, "chat request");
  console.log(`session expires ${session.expires}`);
  return new Response("ok");
}
