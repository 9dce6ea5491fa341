import { createClient } from "@/utils/supabase/server";

// The user's client: RLS on documents applies inside the invoker function.
export async function POST(req: Request) {
  const { embedding } = await req.json();
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return new Response(null, { status: 401 });
  const { data } = await supabase.rpc("match_documents", { query_embedding: embedding, match_count: 5 });
  return Response.json(data);
}
