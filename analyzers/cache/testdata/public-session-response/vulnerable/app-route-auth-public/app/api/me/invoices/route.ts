import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { prisma } from "@/lib/prisma";

export async function GET() {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const invoices = await prisma.invoice.findMany({ where: { userId: session.user.id } });
  return NextResponse.json(invoices, {
    headers: { "Cache-Control": "public, s-maxage=60, stale-while-revalidate=300" }, // want cache/public-session-response@high
  });
}
