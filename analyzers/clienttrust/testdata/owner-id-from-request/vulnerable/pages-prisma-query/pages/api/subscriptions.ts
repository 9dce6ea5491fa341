import type { NextApiRequest, NextApiResponse } from 'next'
import { getServerSession } from 'next-auth/next'
import { authOptions } from '../../lib/auth'
import { prisma } from '../../lib/prisma'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions)
  if (!session) return res.status(401).json({ error: 'Not signed in' })

  const userId = req.query.userId as string
  const subscriptions = await prisma.subscription.findMany({
    where: { userId, status: 'active' }, // want client-trust/owner-id-from-request
    include: { plan: true },
  })
  res.status(200).json(subscriptions)
}
