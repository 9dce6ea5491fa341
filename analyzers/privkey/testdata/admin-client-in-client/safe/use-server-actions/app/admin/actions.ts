'use server'

import { supabaseAdmin } from '@/lib/supabase/admin'
import { requireAdmin } from '@/lib/auth'

export async function deactivate(userId: string) {
  await requireAdmin()
  await supabaseAdmin.auth.admin.updateUserById(userId, { ban_duration: '24h' })
}
