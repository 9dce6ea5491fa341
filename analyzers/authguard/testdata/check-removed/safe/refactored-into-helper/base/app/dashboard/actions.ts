'use server'
import { getServerSession } from 'next-auth'
import { authOptions } from '@/lib/auth-options'
import { prisma } from '@/lib/prisma'

export async function archiveTask(taskId: string) {
  const session = await getServerSession(authOptions)
  if (!session) throw new Error('Unauthorized')
  await prisma.task.updateMany({ where: { id: taskId, userId: session.user.id }, data: { archived: true } })
}
