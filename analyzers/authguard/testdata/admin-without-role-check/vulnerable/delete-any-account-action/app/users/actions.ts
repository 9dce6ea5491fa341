'use server'
import { createClient } from '../../utils/supabase/server'
import { supabaseAdmin } from '../../utils/supabase/admin'

export async function banUser(userId: string) { // want auth-guard/admin-without-role-check
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) throw new Error('Unauthorized')
  await supabaseAdmin.auth.admin.deleteUser(userId)
}
