import { NextRequest } from 'next/server'
import { prisma } from '../../../../lib/prisma'

// The middleware authenticates every /api/billing request.
export async function GET(req: NextRequest) {
  const userId = req.headers.get('x-user-id')!
  return Response.json(await prisma.invoice.findMany({ where: { userId } }))
}
