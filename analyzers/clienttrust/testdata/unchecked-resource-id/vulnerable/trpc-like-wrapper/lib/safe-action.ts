import { createSafeActionClient } from 'next-safe-action'
import { auth } from '@/auth'

export const authActionClient = createSafeActionClient().use(async ({ next }) => {
  const session = await auth()
  if (!session?.user) throw new Error('Unauthorized')
  return next({ ctx: { user: session.user } })
})
