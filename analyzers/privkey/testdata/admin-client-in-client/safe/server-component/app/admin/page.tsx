import { supabaseAdmin } from '@/lib/supabase/admin'
import { requireAdmin } from '@/lib/auth'

export default async function AdminPage() {
  await requireAdmin()
  const { count } = await supabaseAdmin.from('profiles').select('*', { count: 'exact', head: true })
  return <p>{count} users</p>
}
