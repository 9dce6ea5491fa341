import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await auth()
  if (!session?.user?.id) return new Response('Unauthorized', { status: 401 })
  const { id } = await params
  const invoice = await prisma.invoice.findFirst({ where: { id, userId: session.user.id } })
  if (!invoice) return new Response('Not found', { status: 404 })
  return Response.json(invoice)
}
