import { getServerSession } from 'next-auth'
import { authOptions } from '@/lib/auth'
import { db } from '@/lib/db'

export async function GET(_req: Request, { params }: { params: Promise<{ orgId: string }> }) {
  const session = await getServerSession(authOptions)
  if (!session) return new Response('Unauthorized', { status: 401 })
  const { orgId } = await params
  const membership = await db.membership.findFirst({
    where: { orgId, userId: session.user.id },
  })
  if (!membership) return new Response('Forbidden', { status: 403 })
  const projects = await db.project.findMany({ where: { orgId } })
  return Response.json(projects)
}
