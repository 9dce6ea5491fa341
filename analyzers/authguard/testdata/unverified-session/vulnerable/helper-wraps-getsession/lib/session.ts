import { createClient } from '../utils/supabase/server'

export async function getSessionUser() {
  const supabase = await createClient()
  const { data } = await supabase.auth.getSession()
  return data.session?.user ?? null
}
