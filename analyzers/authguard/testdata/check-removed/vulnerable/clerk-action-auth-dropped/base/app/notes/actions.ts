'use server'
import { auth } from '@clerk/nextjs/server'
import { supabaseAdmin } from '../../lib/admin'

export async function deleteNote(noteId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await supabaseAdmin.from('notes').delete().eq('id', noteId).eq('user_id', userId)
}
