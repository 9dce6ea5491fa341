import { getServerSession } from 'next-auth'
import { authOptions } from './auth-options'

export function withAuth(handler: (req: Request, ctx: { session: any }) => Promise<Response>) {
  return async (req: Request) => {
    const session = await getServerSession(authOptions)
    if (!session) return new Response('Unauthorized', { status: 401 })
    return handler(req, { session })
  }
}
