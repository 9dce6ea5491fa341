'use server'

import { revalidatePath } from 'next/cache'
import { createClient } from '@/lib/supabase/server'
import { createAdminClient } from '@/lib/supabase/admin'

export async function renameWorkspace(workspaceId: string, name: string) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) throw new Error('Not signed in')
  await createAdminClient() // want privileged-key/admin-client-in-handler@high
    .from('workspaces')
    .update({ name })
    .eq('workspace_id', workspaceId)
  revalidatePath('/workspace')
}
