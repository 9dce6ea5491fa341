import type { NextApiRequest, NextApiResponse } from 'next'
import { getServerSession } from 'next-auth/next'
import { authOptions } from '../auth/[...nextauth]'
import { prisma } from '../../../lib/prisma'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions)
  if (!session) return res.status(401).json({ error: 'Unauthorized' })
  if (req.method === 'DELETE') return handleDELETE(req, res, session.user.id)
  return res.status(405).end()
}

async function handleDELETE(req: NextApiRequest, res: NextApiResponse, userId: string) {
  const { count } = await prisma.project.deleteMany({ where: { id: String(req.query.id), ownerId: userId } })
  return res.status(count ? 204 : 404).end()
}
