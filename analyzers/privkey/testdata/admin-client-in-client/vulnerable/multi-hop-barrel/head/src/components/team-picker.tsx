'use client'

import { useEffect, useState } from 'react'
import { getAllUsers } from '@/lib/data' // want privileged-key/admin-client-in-client@critical

export function TeamPicker() {
  const [users, setUsers] = useState<any[]>([])
  useEffect(() => { getAllUsers().then(setUsers) }, [])
  return <select>{users.map((u) => <option key={u.id}>{u.email}</option>)}</select>
}
