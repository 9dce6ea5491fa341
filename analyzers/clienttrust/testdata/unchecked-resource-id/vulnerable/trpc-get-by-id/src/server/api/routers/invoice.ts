import { z } from 'zod'
import { createTRPCRouter, protectedProcedure } from '@/server/api/trpc'

export const invoiceRouter = createTRPCRouter({
  byId: protectedProcedure
    .input(z.object({ id: z.string() }))
    .query(async ({ ctx, input }) => {
      return ctx.db.invoice.findUnique({ where: { id: input.id } }) // want client-trust/unchecked-resource-id
    }),

  list: protectedProcedure.query(({ ctx }) =>
    ctx.db.invoice.findMany({ where: { userId: ctx.session.user.id } }),
  ),
})
