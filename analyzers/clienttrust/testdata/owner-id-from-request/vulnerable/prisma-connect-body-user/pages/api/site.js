import prisma from '../../lib/prisma'
import { getServerSession } from 'next-auth/next'
import { authOptions } from './auth/[...nextauth]'

export default async function site(req, res) {
  const session = await getServerSession(req, res, authOptions)
  if (!session) return res.status(401).end()
  if (req.method === 'POST') {
    const { name, subdomain, userId } = req.body
    const response = await prisma.site.create({
      data: {
        name,
        subdomain,
        user: { connect: { id: userId } }, // want client-trust/owner-id-from-request
      },
    })
    return res.status(201).json({ siteId: response.id })
  }
  res.setHeader('Allow', ['POST'])
  return res.status(405).end()
}
