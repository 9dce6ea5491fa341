import { z } from 'zod'
import { getUser } from '@/lib/db/queries'

export type ActionState = {
  error?: string
  success?: string
}

export function validatedAction<S extends z.ZodTypeAny>(schema: S, action: (data: z.infer<S>, fd: FormData) => Promise<ActionState>) {
  return async (_prev: ActionState, fd: FormData) => {
    const parsed = schema.safeParse(Object.fromEntries(fd))
    if (!parsed.success) return { error: parsed.error.errors[0].message }
    await getUser()
    return action(parsed.data, fd)
  }
}
