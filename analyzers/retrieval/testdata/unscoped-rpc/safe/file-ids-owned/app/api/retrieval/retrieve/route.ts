import { createClient } from "@/lib/supabase/server";

// The user's own client: the owner policy on attachment_chunks applies inside the invoker function.
export async function POST(request: Request) {
  const { embedding, attachmentIds } = await request.json();
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return new Response(null, { status: 401 });
  const { data } = await supabase.rpc("search_attachment_chunks", { query_embedding: embedding, match_count: 8, attachment_ids: attachmentIds });
  return Response.json(data);
}
