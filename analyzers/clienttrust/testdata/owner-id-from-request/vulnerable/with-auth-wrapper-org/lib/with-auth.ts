import { NextResponse } from 'next/server'
import { auth } from '@/auth'

type Handler = (req: Request, ctx: { user: { id: string } }) => Promise<Response>

export function withAuth(handler: Handler) {
  return async (req: Request) => {
    const session = await auth()
    if (!session?.user?.id) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
    return handler(req, { user: { id: session.user.id } })
  }
}
