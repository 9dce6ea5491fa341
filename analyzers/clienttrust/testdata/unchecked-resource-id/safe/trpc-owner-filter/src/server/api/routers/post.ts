import { z } from 'zod'
import { TRPCError } from '@trpc/server'
import { createTRPCRouter, protectedProcedure, publicProcedure } from '@/server/api/trpc'

export const postRouter = createTRPCRouter({
  byId: protectedProcedure.input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const post = await ctx.db.post.findFirst({ where: { id: input.id, createdById: ctx.session.user.id } })
    if (!post) throw new TRPCError({ code: 'NOT_FOUND' })
    return post
  }),
  delete: protectedProcedure.input(z.string()).mutation(async ({ ctx, input }) => {
    const post = await ctx.db.post.findUnique({ where: { id: input } })
    if (post?.createdById !== ctx.session.user.id) throw new TRPCError({ code: 'FORBIDDEN' })
    return ctx.db.post.delete({ where: { id: input } })
  }),
  published: publicProcedure.input(z.object({ slug: z.string() })).query(({ ctx, input }) =>
    ctx.db.post.findFirst({ where: { slug: input.slug, published: true } }),
  ),
})
