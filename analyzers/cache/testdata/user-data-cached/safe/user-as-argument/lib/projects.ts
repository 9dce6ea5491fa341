import { unstable_cache } from "next/cache";
import { db } from "./db";

const projectsFor = unstable_cache(async (ownerId: string) => db.project.findMany({ where: { ownerId } }), ["projects"], { revalidate: 60 });

export async function getProjects(userId: string) {
  return projectsFor(userId);
}
