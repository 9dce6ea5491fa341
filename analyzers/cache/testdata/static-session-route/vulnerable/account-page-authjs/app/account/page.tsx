import { auth } from "@/auth";
import { prisma } from "@/lib/prisma";
import { redirect } from "next/navigation";

export const dynamic = "force-static"; // want cache/static-session-route@high

export default async function AccountPage() {
  const session = await auth();
  if (!session?.user) redirect("/login");
  const subscription = await prisma.subscription.findFirst({ where: { userId: session.user.id } });
  return <section>Plan: {subscription?.plan ?? "free"}</section>;
}
