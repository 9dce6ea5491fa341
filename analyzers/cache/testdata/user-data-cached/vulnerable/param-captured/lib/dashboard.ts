import { unstable_cache } from "next/cache";
import { db } from "./db";

export async function getDashboard(userId: string) {
  return unstable_cache(async () => db.project.findMany({ where: { ownerId: userId } }), ["dashboard"], { revalidate: 60 })(); // want cache/user-data-cached
}
