import { prisma } from '@/lib/prisma'

// A public share link: no session, and the query only returns published posts.
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const post = await prisma.post.findFirst({ where: { slug, published: true } })
  if (!post) return new Response('Not found', { status: 404 })
  return Response.json({ title: post.title, body: post.body })
}
