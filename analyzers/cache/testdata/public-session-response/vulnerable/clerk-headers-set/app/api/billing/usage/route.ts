import { auth } from "@clerk/nextjs/server";
import { NextResponse } from "next/server";
import { getUsage } from "@/lib/usage";

export async function GET() {
  const { userId, orgId } = await auth();
  if (!userId) return new NextResponse("Unauthorized", { status: 401 });
  const usage = await getUsage(orgId ?? userId);
  const res = NextResponse.json(usage);
  res.headers.set("Cache-Control", "s-maxage=30, stale-while-revalidate=60"); // want cache/public-session-response
  return res;
}
