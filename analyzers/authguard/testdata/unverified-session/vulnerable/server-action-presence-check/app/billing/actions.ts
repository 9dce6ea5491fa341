'use server'
import { redirect } from 'next/navigation'
import { createClient } from '../../utils/supabase/server'

export async function openPortal() {
  const supabase = await createClient()
  const { data: { session }, error } = await supabase.auth.getSession() // want auth-guard/unverified-session@medium
  if (error || !session) redirect('/login')
  redirect('/billing/portal')
}
