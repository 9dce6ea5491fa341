import { logger } from "@/lib/logger";

export async function POST(request: Request) {
  const data = await request.json();
  logger.info("support ticket", { ...data, receivedAt: Date.now() }); // want logging/personal-data
  return Response.json({ ok: true });
}
