import { createClient } from "@/utils/supabase/server";
import { Sidebar } from "@/components/sidebar";

export const dynamic = 'force-static' // want cache/static-session-route

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  const { data: workspaces } = await supabase.from("workspaces").select("id, name");
  return (
    <div>
      <Sidebar email={user?.email} workspaces={workspaces ?? []} />
      {children}
    </div>
  );
}
