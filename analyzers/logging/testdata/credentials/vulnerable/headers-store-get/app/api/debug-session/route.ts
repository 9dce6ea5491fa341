import { headers } from "next/headers";

export async function GET() {
  const h = await headers();
  console.log("cookie header", h.get("cookie")); // want logging/credentials
  return Response.json({ ok: true });
}
