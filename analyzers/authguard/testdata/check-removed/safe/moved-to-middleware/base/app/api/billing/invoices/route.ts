import { getToken } from 'next-auth/jwt'
import { NextRequest } from 'next/server'
import { prisma } from '../../../../lib/prisma'

export async function GET(req: NextRequest) {
  const token = await getToken({ req })
  if (!token) return new Response('Unauthorized', { status: 401 })
  return Response.json(await prisma.invoice.findMany({ where: { userId: token.sub } }))
}
