'use server'
import { supabaseAdmin } from '../../lib/admin'

export async function deleteNote(noteId: string) { // want auth-guard/check-removed
  await supabaseAdmin.from('notes').delete().eq('id', noteId)
}
