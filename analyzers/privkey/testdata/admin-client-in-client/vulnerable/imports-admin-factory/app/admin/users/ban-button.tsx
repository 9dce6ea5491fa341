'use client'

import { createAdminClient } from '@/lib/supabase/admin' // want privileged-key/admin-client-in-client

export const BanButton = ({ id }: { id: string }) => (
  <button onClick={() => createAdminClient().auth.admin.updateUserById(id, { ban_duration: '24h' })}>Ban</button>
)
