import { auth } from "@/auth";
import { getPublicFeed, getFeedFor } from "@/lib/feed";

export async function GET() {
  const session = await auth();
  if (!session?.user) {
    // Signed-out visitors all get the same feed: safe to share.
    return Response.json(await getPublicFeed(), { headers: { "Cache-Control": "public, s-maxage=60" } });
  }
  return Response.json(await getFeedFor(session.user.id!), { headers: { "Cache-Control": "private, no-store" } });
}
