'use client'

// The build fails if this import ever ships: admin.ts starts with import 'server-only'.
import { supabaseAdmin } from '@/lib/supabase/admin'

export function Users() {
  return <button onClick={() => supabaseAdmin.from('profiles').select('*')}>Load</button>
}
