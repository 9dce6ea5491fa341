import { auth } from "@/auth";

export default async function Repos() {
  const session = await auth();
  const res = await fetch("https://api.github.com/user/repos", { // want cache/user-data-cached@medium
    headers: { Authorization: `Bearer ${session?.accessToken}` },
    cache: "force-cache",
  });
  const repos: { id: number; full_name: string }[] = await res.json();
  return <ul>{repos.map((r) => <li key={r.id}>{r.full_name}</li>)}</ul>;
}
