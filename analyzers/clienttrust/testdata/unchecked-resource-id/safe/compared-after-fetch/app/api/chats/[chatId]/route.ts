import { NextResponse } from 'next/server'
import { getServerSession } from 'next-auth'
import { authOptions } from '@/lib/auth'
import { prisma } from '@/lib/prisma'

export const DELETE = async (_req: Request, ctx: { params: Promise<{ chatId: string }> }) => {
  const session = await getServerSession(authOptions)
  if (!session?.user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const { chatId } = await ctx.params
  const chat = await prisma.chat.findUnique({ where: { id: chatId }, select: { id: true, userId: true } })
  if (!chat || chat.userId !== session.user.id) {
    return NextResponse.json({ error: 'Not found' }, { status: 404 })
  }
  await prisma.chat.delete({ where: { id: chatId } })
  return new NextResponse(null, { status: 204 })
}
