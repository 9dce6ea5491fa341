import { getCurrentUser } from "@/lib/session";
import { listInvoices } from "@/lib/billing";

export const dynamic = "force-static"; // want cache/static-session-route
export const revalidate = 600;

export default async function BillingPage() {
  const user = await getCurrentUser();
  const invoices = user ? await listInvoices(user.id) : [];
  return <ul>{invoices.map((i) => <li key={i.id}>{i.total}</li>)}</ul>;
}
