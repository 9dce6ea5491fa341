import { cookies } from "next/headers";

export async function GET() {
  const has = (await cookies()).has("session");
  return new Response(JSON.stringify({ signedIn: has }), { headers: { "Cache-Control": "s-maxage=0, must-revalidate" } });
}
