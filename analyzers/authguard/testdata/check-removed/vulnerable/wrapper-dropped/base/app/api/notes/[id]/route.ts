import { withAuth } from '@/lib/with-auth'
import { prisma } from '@/lib/prisma'

export const DELETE = withAuth(async (req, { session }) => {
  const id = new URL(req.url).pathname.split('/').pop()!
  await prisma.note.deleteMany({ where: { id, authorId: session.user.id } })
  return new Response(null, { status: 204 })
})
