import { cache } from "react";
import { auth } from "@/auth";
import { prisma } from "./prisma";

// Deduplicated per request; nothing is shared between requests.
export const getUser = cache(async () => {
  const session = await auth();
  return session?.user?.id ? prisma.user.findUnique({ where: { id: session.user.id } }) : null;
});
