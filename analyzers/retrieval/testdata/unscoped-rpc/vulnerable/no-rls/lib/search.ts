import { createBrowserClient } from "@supabase/ssr";

const supabase = createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);

export async function searchNotes(userId: string, embedding: number[]) {
  const { data } = await supabase.rpc("match_notes", { query_embedding: embedding, match_threshold: 0.78, match_count: 10 }); // want retrieval/unscoped-rpc
  return data;
}
