import { createAdminClient } from '@/lib/supabase/admin'

// Run by the worker process, never reachable from a request.
export async function purgeExpiredInvites(userId: string) {
  await createAdminClient().from('invites').delete().eq('user_id', userId).lt('expires_at', new Date().toISOString())
}
