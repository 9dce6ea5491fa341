'use client'

import { useActionState } from 'react'
import { signIn } from './actions'
import { ActionState } from '@/lib/auth/middleware'

export function Login() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(signIn, { error: '' })
  return <form action={formAction}>{pending ? '…' : state.error}</form>
}
