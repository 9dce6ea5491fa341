import { z } from 'zod'
import { createTRPCRouter, publicProcedure } from '~/server/api/trpc'

export const billingRouter = createTRPCRouter({
  invoices: publicProcedure // want auth-guard/check-removed
    .input(z.object({ customerId: z.string() }))
    .query(({ ctx, input }) => ctx.db.invoice.findMany({ where: { customerId: input.customerId } })),
})
