"use server";

import { revalidatePath } from "next/cache";
import { updateProfile } from "@/lib/profile";

export async function saveProfile(formData: FormData) {
  console.log("saveProfile", formData); // want logging/personal-data
  await updateProfile({ name: String(formData.get("name")), phone: String(formData.get("phone")) });
  revalidatePath("/settings");
}
