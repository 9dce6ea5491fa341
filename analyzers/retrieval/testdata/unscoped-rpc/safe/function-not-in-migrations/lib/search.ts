import { supabase } from "./supabase";

// match_documents lives in a database managed outside this repository.
export async function search(embedding: number[], userId: string) {
  return supabase.rpc("match_documents", { query_embedding: embedding, match_count: 5 });
}
