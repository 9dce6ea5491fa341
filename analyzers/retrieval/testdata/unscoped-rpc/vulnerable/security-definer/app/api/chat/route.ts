import { createClient } from "@/utils/supabase/server";
import { embed } from "@/lib/embed";

export async function POST(req: Request) {
  const { question } = await req.json();
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return new Response("unauthorized", { status: 401 });
  const { data: chunks } = await supabase.rpc("match_documents", { query_embedding: await embed(question), match_count: 8 }); // want retrieval/unscoped-rpc
  return Response.json({ chunks });
}
