import { unstable_cache } from "next/cache";
import { getCurrentUser } from "./auth";
import { sql } from "./db";

export async function usageForCurrentOrg() {
  const user = await getCurrentUser();
  const orgId = user.orgId;
  const cached = unstable_cache(async () => sql`select sum(tokens) from usage where org_id = ${orgId}`); // want cache/user-data-cached
  return cached();
}
