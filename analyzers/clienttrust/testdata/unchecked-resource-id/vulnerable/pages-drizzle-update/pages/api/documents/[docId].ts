import type { NextApiRequest, NextApiResponse } from 'next'
import { getServerSession } from 'next-auth/next'
import { eq } from 'drizzle-orm'
import { authOptions } from '../auth/[...nextauth]'
import { db } from '../../../db/client'
import { documents } from '../../../db/schema'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions)
  if (!session) return res.status(401).end()
  if (req.method !== 'PUT') return res.status(405).end()
  const { docId } = req.query
  const updated = await db
    .update(documents)
    .set({ title: req.body.title, content: req.body.content })
    .where(eq(documents.id, docId as string)) // want client-trust/unchecked-resource-id
    .returning()
  res.json(updated[0])
}
