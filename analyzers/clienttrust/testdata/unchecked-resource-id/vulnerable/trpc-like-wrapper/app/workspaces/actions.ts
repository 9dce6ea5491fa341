'use server'
import { z } from 'zod'
import { authActionClient } from '@/lib/safe-action'
import { prisma } from '@/lib/prisma'

export const archiveWorkspace = authActionClient
  .schema(z.object({ workspaceRecordId: z.string() }))
  .action(async ({ parsedInput, ctx }) => {
    const { workspaceRecordId } = parsedInput
    await prisma.workspace.update({
      where: { id: workspaceRecordId }, // want client-trust/unchecked-resource-id
      data: { archivedAt: new Date(), archivedBy: ctx.user.id },
    })
    return { ok: true }
  })
