import { createClient } from "@/utils/supabase/server";
import { logger } from "@/lib/logger";
import { redirect } from "next/navigation";

export default async function Dashboard() {
  const supabase = await createClient();
  const {
    data: { session },
  } = await supabase.auth.getSession();
  logger.debug({ session }, "dashboard session"); // want logging/credentials
  if (!session) redirect("/login");
  return <main>Welcome back</main>;
}
