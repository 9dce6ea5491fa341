'use server'

import { createClient } from '@/utils/supabase/server'

export async function updateProfile(formData: FormData) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  const { error } = await supabase.from('profiles').update({ bio: String(formData.get('bio')) }).eq('id', user!.id)
  if (error) console.error('profile update failed for', user!.id, error)
  return { ok: !error }
}
