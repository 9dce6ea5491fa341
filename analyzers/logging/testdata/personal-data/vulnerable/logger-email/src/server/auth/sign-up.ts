"use server";

import { logger } from "@/lib/log";
import { createUser } from "@/server/users";

export async function signUp(formData: FormData) {
  const user = await createUser(String(formData.get("email")), String(formData.get("name")));
  logger.info({ userId: user.id, email: user.email }, "user signed up"); // want logging/personal-data
  return { id: user.id };
}
