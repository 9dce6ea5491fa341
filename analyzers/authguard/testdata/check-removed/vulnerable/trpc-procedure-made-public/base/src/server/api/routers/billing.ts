import { z } from 'zod'
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc'

export const billingRouter = createTRPCRouter({
  invoices: protectedProcedure
    .input(z.object({ customerId: z.string() }))
    .query(({ ctx, input }) => ctx.db.invoice.findMany({ where: { customerId: input.customerId } })),
})
