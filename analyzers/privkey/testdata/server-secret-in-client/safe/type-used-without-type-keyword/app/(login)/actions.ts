'use server'

import { z } from 'zod'
import { validatedAction } from '@/lib/auth/middleware'

export const signIn = validatedAction(z.object({ email: z.string().email() }), async () => ({ success: 'ok' }))
