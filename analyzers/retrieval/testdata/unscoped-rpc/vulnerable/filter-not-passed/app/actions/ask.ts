"use server";

import { createClient } from "@/lib/supabase/server";
import { embed } from "@/lib/ai";

export async function ask(question: string) {
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  const { data } = await supabase.rpc("match_documents", { // want retrieval/unscoped-rpc
    query_embedding: await embed(question),
    match_count: 5,
    filter: {},
  });
  return { user: user?.id, data };
}
