import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export async function POST(req: Request) {
  const session = await auth()
  if (!session?.user) return new Response('Unauthorized', { status: 401 })
  const { postId, text } = await req.json()
  const comment = await prisma.comment.create({ data: { postId, text, authorId: session.user.id } })
  return Response.json(comment)
}
