import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export async function POST(request: Request) {
  const session = await auth()
  if (!session?.user?.id) return new Response('Unauthorized', { status: 401 })
  const body = await request.json()
  // Whatever userId the client sent is overwritten by the session's.
  const bookmark = await prisma.bookmark.create({
    data: { ...body, userId: session.user.id },
  })
  const mine = await prisma.bookmark.findMany({ where: { userId: session.user.id } })
  return Response.json({ bookmark, count: mine.length })
}
