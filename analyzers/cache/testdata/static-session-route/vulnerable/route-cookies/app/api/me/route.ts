import { cookies } from "next/headers";

export const dynamic = "force-static"; // want cache/static-session-route
export const revalidate = 3600;

export async function GET() {
  const theme = (await cookies()).get("session")?.value;
  return Response.json({ signedIn: Boolean(theme) });
}
