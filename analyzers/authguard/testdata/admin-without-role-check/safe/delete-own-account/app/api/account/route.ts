import { createClient as createAdmin } from '@supabase/supabase-js'
import { createClient } from '../../../utils/supabase/server'

export async function DELETE() {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const admin = createAdmin(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!)
  await admin.auth.admin.deleteUser(user.id)
  return new Response(null, { status: 204 })
}
