'use server'
import { getCurrentUser } from '@/lib/session'
import { prisma } from '@/lib/prisma'

export async function archiveTask(taskId: string) {
  const user = await getCurrentUser()
  await prisma.task.updateMany({ where: { id: taskId, userId: user.id }, data: { archived: true } })
}
