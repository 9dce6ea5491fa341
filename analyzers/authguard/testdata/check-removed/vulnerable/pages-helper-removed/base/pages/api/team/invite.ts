import type { NextApiRequest, NextApiResponse } from 'next'
import { requireUser } from '../../../lib/require-user'
import { prisma } from '../../../lib/db'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const user = await requireUser(req, res)
  const invite = await prisma.invite.create({ data: { email: req.body.email, teamId: user.teamId } })
  res.status(201).json(invite)
}
