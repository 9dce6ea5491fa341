import { auth } from "@/auth";
import { db } from "@/lib/db";

export async function GET() {
  const posts = await db.post.findMany({ where: { published: true } });
  return Response.json(posts, { headers: { "Cache-Control": "public, s-maxage=120" } });
}

export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response("unauthorized", { status: 401 });
  const post = await db.post.create({ data: { ...(await req.json()), authorId: session.user!.id! } });
  return Response.json(post, { status: 201 });
}
