import { headers } from 'next/headers'
import { auth } from '../../../lib/auth'

export async function GET() {
  const session = await auth.api.getSession({ headers: await headers() })
  if (!session) return new Response('Unauthorized', { status: 401 })
  return Response.json({ id: session.user.id })
}
