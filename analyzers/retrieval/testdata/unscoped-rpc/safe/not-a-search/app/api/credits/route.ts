import { supabaseAdmin } from "@/lib/supabase-admin";

export async function POST(req: Request) {
  const { uid } = await req.json();
  await supabaseAdmin.rpc("increment_credits", { uid, amount: 10 });
  return new Response("ok");
}
