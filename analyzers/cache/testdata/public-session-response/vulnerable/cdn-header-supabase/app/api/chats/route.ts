import { createClient } from "@/utils/supabase/server";

const CDN_CACHE = "max-age=120";

export async function GET() {
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  const { data: chats } = await supabase.from("chats").select("id, title").eq("user_id", user?.id);
  return Response.json(chats, {
    headers: {
      "CDN-Cache-Control": CDN_CACHE, // want cache/public-session-response@high
    },
  });
}
