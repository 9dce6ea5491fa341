import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export async function GET() {
  const session = await auth()
  if (!session?.user || session.user.role !== 'admin') {
    return new Response('Forbidden', { status: 403 })
  }
  return Response.json(await prisma.user.findMany())
}
