'use client'

import { useActionState } from 'react'
import { validatedAction, ActionState } from '@/lib/auth/middleware' // want privileged-key/server-secret-in-client
import { z } from 'zod'

// validatedAction runs in the browser here, and with it the database client
const signIn = validatedAction(z.object({ email: z.string() }), async () => ({ success: 'ok' }))

export function Login() {
  const [state, formAction] = useActionState<ActionState, FormData>(signIn, { error: '' })
  return <form action={formAction}>{state.error}</form>
}
