import { NextResponse, type NextRequest } from "next/server";

export function middleware(req: NextRequest) {
  const res = NextResponse.next();
  if (req.nextUrl.pathname.startsWith("/static/")) {
    res.headers.set("Cache-Control", "public, max-age=31536000, immutable");
  }
  return res;
}
