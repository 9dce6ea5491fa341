import type { NextApiHandler, NextApiRequest, NextApiResponse } from 'next'
import { getServerSession } from 'next-auth'
import * as z from 'zod'
import { authOptions } from '@/lib/auth'
import { db } from '@/lib/db'

const schema = z.object({ postId: z.string() })

export function withPost(handler: NextApiHandler) {
  return async function (req: NextApiRequest, res: NextApiResponse) {
    const query = schema.parse(req.query)
    // Check if the user has access to this post.
    const session = await getServerSession(req, res, authOptions)
    const count = await db.post.count({ where: { id: query.postId, authorId: session?.user.id } })
    if (count < 1) return res.status(403).end()
    return handler(req, res)
  }
}
