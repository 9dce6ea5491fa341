import { createClient } from "@supabase/supabase-js";
import { embedText } from "@/lib/embeddings";
import { requireProfile } from "@/lib/profile";

export async function POST(request: Request) {
  const { query, attachmentIds, limit } = (await request.json()) as { query: string; attachmentIds: string[]; limit: number };
  await requireProfile();
  const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);
  const { data, error } = await admin.rpc("search_attachment_chunks", { // want retrieval/unscoped-rpc
    query_embedding: await embedText(query),
    match_count: limit,
    attachment_ids: Array.from(new Set(attachmentIds)),
  });
  if (error) return Response.json({ error: error.message }, { status: 500 });
  return Response.json({ chunks: data });
}
