import { prisma } from '@/lib/prisma'

export const DELETE = async (req: Request) => { // want auth-guard/check-removed
  const id = new URL(req.url).pathname.split('/').pop()!
  await prisma.note.delete({ where: { id } })
  return new Response(null, { status: 204 })
}
