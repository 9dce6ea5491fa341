"use server";

import { revalidatePath } from "next/cache";
import { archiveProject } from "@/lib/projects";

export async function archive(projectId: string) {
  console.log("archive", projectId);
  await archiveProject(projectId);
  revalidatePath("/projects");
}
