import { getServerSession } from 'next-auth'
import { authOptions } from '../../../../lib/auth'
import { prisma } from '../../../../lib/prisma'

export async function GET() {
  const session = await getServerSession(authOptions)
  if (!session?.user.isAdmin) return new Response(null, { status: 403 })
  const users = await prisma.user.findMany({ select: { id: true, email: true } })
  return Response.json(users)
}
