import { NextResponse } from "next/server";

export async function POST(request: Request) {
  const payload = await request.clone().json();
  console.log("feedback received", await request.json()); // want logging/personal-data
  return NextResponse.json({ ok: true, size: JSON.stringify(payload).length });
}
