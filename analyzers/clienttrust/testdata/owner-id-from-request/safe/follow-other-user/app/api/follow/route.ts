import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

// The caller follows someone else: the body names the other user, and the
// row is anchored to the caller by followerId.
export async function POST(req: Request) {
  const session = await auth()
  if (!session?.user?.id) return new Response('Unauthorized', { status: 401 })
  const { userId } = await req.json()
  await prisma.follow.create({ data: { followerId: session.user.id, followingId: userId } })
  return new Response(null, { status: 204 })
}
