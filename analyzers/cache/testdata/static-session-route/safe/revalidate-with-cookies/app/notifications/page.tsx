import { cookies } from "next/headers";
import { getNotifications } from "@/lib/notifications";

// revalidate sets the default for fetches; cookies() keeps this page dynamic.
export const revalidate = 60;

export default async function Notifications() {
  const sid = (await cookies()).get("sid")?.value;
  const items = await getNotifications(sid);
  return <ol>{items.map((n) => <li key={n.id}>{n.text}</li>)}</ol>;
}
