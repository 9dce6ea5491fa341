'use client'

import { createClient } from '@supabase/supabase-js'

const supabase = createClient(
  process.env.NEXT_PUBLIC_SUPABASE_URL!,
  process.env.SUPABASE_SERVICE_ROLE_KEY!, // want privileged-key/admin-client-in-client@critical
)

export function Stats() {
  return <button onClick={() => supabase.from('events').select('count')}>Refresh</button>
}
