import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export async function POST(req: Request) {
  const { postId, text, authorId } = await req.json()
  const comment = await prisma.comment.create({ data: { postId, text, authorId } }) // want auth-guard/check-removed
  const session = await auth()
  if (!session?.user) return new Response('Unauthorized', { status: 401 })
  return Response.json(comment)
}
