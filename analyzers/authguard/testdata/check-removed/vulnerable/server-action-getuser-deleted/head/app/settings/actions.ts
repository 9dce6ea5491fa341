'use server'

import { revalidatePath } from 'next/cache'
import { createClient } from '../../utils/supabase/server'

export async function updateDisplayName(formData: FormData) { // want auth-guard/check-removed
  const supabase = await createClient()
  await supabase.from('profiles').update({ display_name: formData.get('name') }).eq('id', formData.get('id'))
  revalidatePath('/settings')
}
