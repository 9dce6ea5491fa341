import { env } from "@/env.mjs";
import { auth } from "@/auth";

// Repository stats for the landing page, fetched with the app's own token.
async function repoStats(): Promise<number> {
  const res = await fetch("https://api.github.com/repos/acme/widgets", {
    headers: { Accept: "application/vnd.github+json", Authorization: `Bearer ${env.GITHUB_ACCESS_TOKEN}` },
    next: { revalidate: 60 },
  });
  const body = await res.json();
  return Number(body.stargazers_count ?? 0);
}

export default async function Landing() {
  const session = await auth();
  const stars = await repoStats();
  return <p>{stars} stars · {session?.user?.name}</p>;
}
