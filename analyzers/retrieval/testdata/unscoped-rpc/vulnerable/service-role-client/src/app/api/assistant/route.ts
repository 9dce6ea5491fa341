import { createClient } from "@supabase/supabase-js";
import { auth } from "@clerk/nextjs/server";
import { embedQuery } from "@/lib/openai";

const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function POST(req: Request) {
  const { userId } = await auth();
  if (!userId) return new Response("unauthorized", { status: 401 });
  const { message } = await req.json();
  const { data: context } = await admin.rpc("match_kb_chunks", { query_embedding: await embedQuery(message), match_count: 6 }); // want retrieval/unscoped-rpc
  return Response.json({ context });
}
