import type { GetServerSidePropsContext } from "next";
import { createPagesServerClient } from "@supabase/auth-helpers-nextjs";

export async function getServerSideProps(ctx: GetServerSidePropsContext) {
  const supabase = createPagesServerClient(ctx);
  const {
    data: { user },
  } = await supabase.auth.getUser();
  if (!user) return { redirect: { destination: "/login", permanent: false } };
  const { data: settings } = await supabase.from("settings").select("*").eq("user_id", user.id).single();
  ctx.res.setHeader("Cache-Control", "public, max-age=600"); // want cache/public-session-response
  return { props: { settings } };
}

export default function Settings({ settings }: { settings: Record<string, unknown> }) {
  return <pre>{JSON.stringify(settings)}</pre>;
}
