import prisma from './prisma'

export async function getEmailAccount({ userId, emailAccountId }: { userId: string; emailAccountId: string }) {
  const account = await prisma.emailAccount.findFirst({ where: { id: emailAccountId, userId }, select: { email: true } })
  return account?.email ?? null
}
