'use server'
import { requireAdmin } from '@/lib/authz'
import { prisma } from '@/lib/prisma'

export async function deleteUserAsAdmin(userId: string) {
  await requireAdmin()
  await prisma.user.delete({ where: { id: userId } })
}
