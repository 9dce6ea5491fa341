import { auth } from '../../../../auth'
import { prisma } from '../../../../lib/prisma'

export async function GET() {
  const session = await auth()
  if (!session) return new Response('Unauthorized', { status: 401 })
  await prisma.session.deleteMany({ where: { expires: { lt: new Date() } } })
  return Response.json({ ok: true })
}
