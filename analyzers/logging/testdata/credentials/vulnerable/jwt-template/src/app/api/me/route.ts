import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";

export async function GET(req: NextRequest) {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  console.debug(`jwt for /api/me: ${JSON.stringify(token)}`); // want logging/credentials
  if (!token) return new Response("unauthorized", { status: 401 });
  return Response.json({ sub: token.sub });
}
