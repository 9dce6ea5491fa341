import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";

export default async function WorkspacePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const getMembers = unstable_cache(() => db.member.findMany({ where: { workspaceId } }), ["members"]); // want cache/user-data-cached
  const members = await getMembers();
  return <ul>{members.map((m) => <li key={m.id}>{m.name}</li>)}</ul>;
}
