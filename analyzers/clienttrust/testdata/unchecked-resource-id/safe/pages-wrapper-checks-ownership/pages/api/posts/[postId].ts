import type { NextApiRequest, NextApiResponse } from 'next'
import { withPost } from '@/lib/api-middlewares/with-post'
import { db } from '@/lib/db'

// withPost checked that postId belongs to the caller before calling us.
async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'DELETE') {
    await db.post.delete({ where: { id: req.query.postId as string } })
    return res.status(204).end()
  }
  const post = await db.post.findUnique({ where: { id: req.query.postId as string } })
  return res.json(post)
}

export default withPost(handler)
