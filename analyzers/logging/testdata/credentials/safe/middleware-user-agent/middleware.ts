import { NextResponse, type NextRequest } from "next/server";

export function middleware(request: NextRequest) {
  console.log(request.method, request.nextUrl.pathname, request.headers.get("user-agent"));
  return NextResponse.next();
}
