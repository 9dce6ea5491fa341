import type { NextApiRequest, NextApiResponse } from 'next'
import { getServerSession } from 'next-auth/next'
import { authOptions } from '../auth/[...nextauth]'
import { prisma } from '../../../lib/prisma'

export default async function handler(req: NextApiRequest, res: NextApiResponse) { // want auth-guard/admin-without-role-check
  const session = await getServerSession(req, res, authOptions)
  if (!session) return res.status(401).end()
  const orders = await prisma.order.findMany({ include: { customer: true } })
  res.setHeader('Content-Type', 'text/csv')
  res.send(orders.map((o) => `${o.id},${o.customer.email},${o.total}`).join('\n'))
}
