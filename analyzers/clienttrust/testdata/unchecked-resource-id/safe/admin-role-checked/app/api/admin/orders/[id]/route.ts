import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await auth()
  if (!session?.user || session.user.role !== 'ADMIN') return new Response('Forbidden', { status: 403 })
  const { id } = await params
  return Response.json(await prisma.order.findUnique({ where: { id } }))
}
