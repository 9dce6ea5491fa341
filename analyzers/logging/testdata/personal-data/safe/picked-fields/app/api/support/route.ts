import { logger } from "@/lib/logger";

export async function POST(request: Request) {
  const data = await request.json();
  logger.info("support ticket", { topic: data.topic, length: String(data.message ?? "").length });
  return Response.json({ ok: true });
}
