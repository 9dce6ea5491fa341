import { auth } from "@/auth";

export default async function Repos() {
  const session = await auth();
  const res = await fetch("https://api.github.com/user/repos", {
    headers: { Authorization: `Bearer ${session?.accessToken}` },
    cache: "no-store",
  });
  return <pre>{JSON.stringify(await res.json())}</pre>;
}
