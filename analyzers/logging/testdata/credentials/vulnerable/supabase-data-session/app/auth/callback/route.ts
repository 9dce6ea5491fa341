import { NextResponse } from "next/server";
import { createClient } from "@/utils/supabase/server";

export async function GET(request: Request) {
  const code = new URL(request.url).searchParams.get("code");
  const supabase = await createClient();
  const { data, error } = await supabase.auth.exchangeCodeForSession(code!);
  const { data: current } = await supabase.auth.getSession();
  console.log("callback session", current.session); // want logging/credentials
  if (error) return NextResponse.redirect(new URL("/login?error=1", request.url));
  return NextResponse.redirect(new URL("/app", request.url));
}
