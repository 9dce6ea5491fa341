import { supabaseAdmin } from '../supabase/admin'

export async function getAllUsers() {
  const { data } = await supabaseAdmin.from('profiles').select('*')
  return data ?? []
}
