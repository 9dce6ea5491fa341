import { createHmac, timingSafeEqual } from "node:crypto";
import { enqueueReview } from "@/lib/queue";

export async function POST(req: Request) {
  const raw = await req.text();
  const sig = req.headers.get("x-hub-signature-256") ?? "";
  const expected = "sha256=" + createHmac("sha256", process.env.GITHUB_WEBHOOK_SECRET!).update(raw).digest("hex");
  if (sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
    return new Response("bad signature", { status: 401 });
  }
  const event = req.headers.get("x-github-event");
  const payload = JSON.parse(raw);
  if (event === "pull_request") await enqueueReview(payload);
  return new Response("ok");
}
