import { createSafeActionClient } from 'next-safe-action'
import { auth } from '@/app/api/auth/[...nextauth]/auth'
import prisma from '@/utils/prisma'

export const actionClient = createSafeActionClient().use(async ({ next, bindArgsClientInputs }) => {
  const session = await auth()
  if (!session?.user) throw new Error('Unauthorized')
  const emailAccountId = bindArgsClientInputs[0] as string
  const account = await prisma.emailAccount.findUnique({ where: { id: emailAccountId, userId: session.user.id } })
  if (!account) throw new Error('Forbidden')
  return next({ ctx: { userId: session.user.id, emailAccountId } })
})
