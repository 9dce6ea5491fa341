'use client'

import { createClient } from '@/lib/supabase/client'

export function ProfileForm() {
  const supabase = createClient()
  return <form action={async (fd) => { await supabase.from('profiles').update({ name: fd.get('name') }) }}><input name="name" /></form>
}
