import { createClient } from '@supabase/supabase-js'

const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY) // want privileged-key/admin-client-in-client

export default function Users({ users }) {
  return <button onClick={() => admin.auth.admin.listUsers()}>Reload</button>
}
