'use client'

import type { AdminClient } from '@/lib/supabase/admin'
import { type AdminUser } from '@/lib/supabase/admin'

export function AdminRow({ user }: { user: AdminUser; client?: AdminClient }) {
  return <tr><td>{user.email}</td></tr>
}
