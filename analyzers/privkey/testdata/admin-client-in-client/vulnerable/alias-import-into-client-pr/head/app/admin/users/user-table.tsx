'use client'

import { useEffect, useState } from 'react'
import { supabaseAdmin } from '@/lib/supabase/admin' // want privileged-key/admin-client-in-client@critical

export function UserTable() {
  const [users, setUsers] = useState<{ id: string; email?: string }[]>([])
  useEffect(() => {
    supabaseAdmin.auth.admin.listUsers().then(({ data }) => setUsers(data.users))
  }, [])
  return <ul>{users.map((u) => <li key={u.id}>{u.email}</li>)}</ul>
}
