import { env } from "@/env.mjs";
import { auth } from "@/auth";

async function getGitHubStars(): Promise<string | null> {
  const response = await fetch("https://api.github.com/repos/shadcn/taxonomy", {
    headers: { Accept: "application/vnd.github+json", Authorization: `Bearer ${env.GITHUB_ACCESS_TOKEN}` },
    next: { revalidate: 60 },
  });
  const json = await response.json();
  return parseInt(json["stargazers_count"]).toLocaleString();
}

export default async function IndexPage() {
  const session = await auth();
  const stars = await getGitHubStars();
  return <p>{stars} stars · {session?.user?.name}</p>;
}
