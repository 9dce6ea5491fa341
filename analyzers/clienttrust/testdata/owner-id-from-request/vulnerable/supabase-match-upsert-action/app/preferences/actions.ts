'use server'
import { supabaseAdmin } from '../../lib/supabase-admin'

type Prefs = { userId: string; theme: 'dark' | 'light'; emails: boolean }

export async function savePreferences(prefs: Prefs) {
  const { error } = await supabaseAdmin
    .from('preferences')
    .upsert({ user_id: prefs.userId, theme: prefs.theme, emails: prefs.emails }) // want client-trust/owner-id-from-request
  if (error) throw error
}
