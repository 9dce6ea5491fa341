import { unstable_cache } from "next/cache";
import { auth } from "@/auth";
import { prisma } from "@/lib/prisma";

export default async function InvoicesPage() {
  const session = await auth();
  const getInvoices = unstable_cache( // want cache/user-data-cached@high
    async () => prisma.invoice.findMany({ where: { userId: session!.user!.id } }),
    ["invoices"],
    { revalidate: 300, tags: ["invoices"] },
  );
  const invoices = await getInvoices();
  return <ul>{invoices.map((i) => <li key={i.id}>{i.number}</li>)}</ul>;
}
