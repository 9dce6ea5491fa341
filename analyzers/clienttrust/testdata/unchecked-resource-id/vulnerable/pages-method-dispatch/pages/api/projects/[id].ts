import type { NextApiRequest, NextApiResponse } from 'next'
import { getServerSession } from 'next-auth/next'
import { authOptions } from '../auth/[...nextauth]'
import { prisma } from '../../../lib/prisma'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions)
  if (!session) return res.status(401).json({ error: 'Unauthorized' })
  switch (req.method) {
    case 'GET':
      return handleGET(req, res, session.user.id)
    case 'DELETE':
      return handleDELETE(req, res)
    default:
      res.setHeader('Allow', 'GET, DELETE')
      return res.status(405).end()
  }
}

const handleGET = async (req: NextApiRequest, res: NextApiResponse, userId: string) => {
  const project = await prisma.project.findFirst({ where: { id: String(req.query.id), ownerId: userId } })
  return res.json(project)
}

async function handleDELETE(req: NextApiRequest, res: NextApiResponse) {
  await prisma.project.delete({ where: { id: String(req.query.id) } }) // want client-trust/unchecked-resource-id
  return res.status(204).end()
}
