import { cacheLife } from "next/cache";
import { auth } from "@/auth";
import { db } from "@/lib/db";

// 'use cache' keys entries by the function's arguments and captured values,
// and forbids cookies()/headers() inside: the user id argument is the key.
async function getStats(userId: string) {
  "use cache";
  cacheLife("minutes");
  return db.event.count({ where: { userId } });
}

export default async function Dashboard() {
  const session = await auth();
  const stats = await getStats(session!.user!.id!);
  return <p>{stats} events</p>;
}
