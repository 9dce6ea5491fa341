import { createClient } from "@/utils/supabase/server";

export async function POST(req: Request) {
  const { embedding } = await req.json();
  const supabase = await createClient();
  const { data } = await supabase.rpc("match_documents", { query_embedding: embedding, match_count: 5 }); // want retrieval/unscoped-rpc
  return Response.json(data);
}
