import { unstable_cache } from "next/cache";
import { auth } from "@/auth";
import { prisma } from "@/lib/prisma";

export default async function InvoicesPage() {
  const session = await auth();
  const userId = session!.user!.id!;
  const invoices = await unstable_cache(async () => prisma.invoice.findMany({ where: { userId } }), ["invoices", userId], {
    tags: [`invoices:${userId}`],
  })();
  return <p>{invoices.length} invoices</p>;
}
