import { headers } from "next/headers";
import { usageFor } from "@/lib/usage";

export const dynamic = "force-static"; // want cache/static-session-route

export async function GET() {
  const authz = (await headers()).get("authorization");
  return Response.json(await usageFor(authz));
}
