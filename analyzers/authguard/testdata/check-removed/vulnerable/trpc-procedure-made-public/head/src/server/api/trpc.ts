import { initTRPC, TRPCError } from '@trpc/server'
import { db } from '~/server/db'
import { getServerAuthSession } from '~/server/auth'

export const createTRPCContext = async () => ({ db, session: await getServerAuthSession() })
const t = initTRPC.context<typeof createTRPCContext>().create()
export const createTRPCRouter = t.router
export const publicProcedure = t.procedure
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: 'UNAUTHORIZED' })
  return next({ ctx: { session: { ...ctx.session, user: ctx.session.user } } })
})
