import { createClient } from "@supabase/supabase-js";
import { auth } from "@/auth";

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user?.id) return new Response("unauthorized", { status: 401 });
  const { embedding } = await req.json();
  const { data } = await supabase.rpc("match_documents", { query_embedding: embedding, match_count: 5, filter: { user_id: session.user.id } });
  return Response.json(data);
}
