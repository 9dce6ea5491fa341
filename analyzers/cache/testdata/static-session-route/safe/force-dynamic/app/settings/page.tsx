import { auth } from "@/auth";

export const dynamic = "force-dynamic";

export default async function Settings() {
  const session = await auth();
  return <h1>{session?.user?.name}</h1>;
}
