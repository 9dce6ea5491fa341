import { prisma } from '../../../../lib/prisma'

export async function GET() {
  const users = await prisma.user.count()
  const orders = await prisma.order.findMany({ take: 20, orderBy: { createdAt: 'desc' } })
  return Response.json({ users, orders })
}
