import type { NextApiRequest, NextApiResponse } from 'next'
import { prisma } from '../../../lib/db'

export default async function handler(req: NextApiRequest, res: NextApiResponse) { // want auth-guard/check-removed
  const invite = await prisma.invite.create({ data: { email: req.body.email, teamId: req.body.teamId } })
  res.status(201).json(invite)
}
