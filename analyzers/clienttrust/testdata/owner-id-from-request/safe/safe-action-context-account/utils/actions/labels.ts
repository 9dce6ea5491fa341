'use server'
import prisma from '@/utils/prisma'
import { actionClient } from '@/utils/actions/safe-action'

// The action client's middleware verified emailAccountId belongs to the caller.
export const createLabelAction = actionClient.action(async ({ ctx: { emailAccountId }, parsedInput: { name } }) => {
  return prisma.label.create({ data: { emailAccountId, name } })
})
