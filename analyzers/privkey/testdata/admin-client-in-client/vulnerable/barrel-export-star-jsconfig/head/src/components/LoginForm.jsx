'use client'

import { browserClient } from '~/supabase' // want privileged-key/admin-client-in-client@critical

export default function LoginForm() {
  return <form action={async (fd) => browserClient().auth.signInWithOtp({ email: fd.get('email') })}><input name="email" /></form>
}
