import { z } from 'zod'
import { createTRPCRouter, publicProcedure } from '@/server/api/trpc'

export const usageRouter = createTRPCRouter({
  forUser: publicProcedure
    .input(z.object({ userId: z.string(), month: z.string() }))
    .query(({ ctx, input }) =>
      ctx.db.usageRecord.findMany({
        where: { userId: input.userId, month: input.month }, // want client-trust/owner-id-from-request
      }),
    ),
})
