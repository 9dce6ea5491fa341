import { createClient } from "@supabase/supabase-js";

const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

export async function POST(req: Request) {
  const { embedding } = await req.json();
  const { data } = await supabase.rpc("match_page_sections", { embedding, match_threshold: 0.78, match_count: 10, min_content_length: 50 });
  return Response.json(data);
}
