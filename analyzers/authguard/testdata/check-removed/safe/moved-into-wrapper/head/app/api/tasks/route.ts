import { withAuth } from '@/lib/with-auth'
import { prisma } from '@/lib/prisma'

export const GET = withAuth(async (_req, { session }) => {
  return Response.json(await prisma.task.findMany({ where: { userId: session.user.id } }))
})
