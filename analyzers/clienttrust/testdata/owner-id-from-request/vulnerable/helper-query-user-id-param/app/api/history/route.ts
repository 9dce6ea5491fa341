import { NextRequest } from 'next/server'
import { auth } from '@/app/(auth)/auth'
import { getChatsByUserId } from '@/lib/db/queries'

export async function GET(request: NextRequest) {
  const session = await auth()
  if (!session?.user) return Response.json('Unauthorized!', { status: 401 })
  const userId = request.nextUrl.searchParams.get('userId') ?? session.user.id!
  const chats = await getChatsByUserId(userId) // want client-trust/owner-id-from-request
  return Response.json(chats)
}
