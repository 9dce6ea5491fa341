import { auth } from "@/auth";
import { sql } from "@/lib/db";

export async function POST(req: Request) {
  const session = await auth();
  const { vec } = await req.json();
  const rows = await sql`select question, answer from faq order by embedding <=> ${vec} limit 3`;
  return Response.json({ rows, user: session?.user?.id });
}
