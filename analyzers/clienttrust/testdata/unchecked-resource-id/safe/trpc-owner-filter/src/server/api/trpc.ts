import { initTRPC, TRPCError } from '@trpc/server'
import { getServerAuthSession } from '@/server/auth'
import { db } from '@/server/db'

export const createTRPCContext = async () => ({ db, session: await getServerAuthSession() })
const t = initTRPC.context<typeof createTRPCContext>().create()

export const createTRPCRouter = t.router
export const publicProcedure = t.procedure
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: 'UNAUTHORIZED' })
  return next({ ctx: { session: { ...ctx.session, user: ctx.session.user } } })
})
