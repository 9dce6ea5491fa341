import { NextRequest } from 'next/server'
import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export async function GET(req: NextRequest) {
  const session = await auth()
  if (!session?.user?.id) return new Response('Unauthorized', { status: 401 })
  const conversationId = req.nextUrl.searchParams.get('conversationId')!
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, participants: { some: { userId: session.user.id } } },
  })
  if (!conversation) return new Response('Not found', { status: 404 })
  const messages = await prisma.message.findMany({ where: { conversationId }, orderBy: { createdAt: 'asc' } })
  return Response.json(messages)
}
