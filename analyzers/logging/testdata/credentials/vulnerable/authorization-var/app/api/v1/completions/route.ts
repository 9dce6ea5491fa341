import { NextRequest, NextResponse } from "next/server";
import { verifyApiKey } from "@/lib/api-keys";

export async function POST(req: NextRequest) {
  const auth = req.headers.get("authorization");
  console.info("[completions] auth", auth); // want logging/credentials
  const key = await verifyApiKey(auth?.replace("Bearer ", ""));
  if (!key) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  return NextResponse.json({ ok: true });
}
