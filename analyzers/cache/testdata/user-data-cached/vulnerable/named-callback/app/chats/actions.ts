"use server";

import { unstable_cache } from "next/cache";
import { createClient } from "@/utils/supabase/server";

export async function listChats() {
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  const load = async () => (await supabase.from("chats").select("id, title").eq("user_id", user!.id)).data;
  const cached = unstable_cache(load, ["chats-list"], { revalidate: 120 }); // want cache/user-data-cached
  return cached();
}
