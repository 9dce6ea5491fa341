import { cookies } from "next/headers";

export const revalidate = 300;

export default async function Contacts() {
  const token = cookies().get("crm_session")?.value;
  const res = await fetch(`${process.env.CRM_API}/contacts`, { headers: { Authorization: `Bearer ${token}` } }); // want cache/user-data-cached
  const contacts: { id: string; name: string }[] = await res.json();
  return <ul>{contacts.map((c) => <li key={c.id}>{c.name}</li>)}</ul>;
}
