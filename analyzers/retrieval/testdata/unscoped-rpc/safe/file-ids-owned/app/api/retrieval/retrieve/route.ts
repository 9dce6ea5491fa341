import { createClient } from "@/lib/supabase/server"

// The user's own client: RLS on file_items applies to the invoker function.
export async function POST(request: Request) {
  const { embedding, fileIds } = await request.json()
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response(null, { status: 401 })
  const { data } = await supabase.rpc("match_file_items_openai", { query_embedding: embedding, match_count: 8, file_ids: fileIds })
  return Response.json(data)
}
