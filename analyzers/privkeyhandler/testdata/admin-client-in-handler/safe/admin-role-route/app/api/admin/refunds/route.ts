import { createClient } from '@/lib/supabase/server'
import { createAdminClient } from '@/lib/supabase/admin'

export async function POST(req: Request) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user || user.app_metadata?.role !== 'admin') return new Response('Forbidden', { status: 403 })
  const { orderId, userId } = await req.json()
  await createAdminClient().from('refunds').insert({ order_id: orderId, user_id: userId, approved_by: user.id })
  return Response.json({ ok: true })
}
