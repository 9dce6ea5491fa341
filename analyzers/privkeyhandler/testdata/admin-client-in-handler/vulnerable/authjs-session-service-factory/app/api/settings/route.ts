import { auth } from '@/auth'
import { createServiceRoleClient } from '@/lib/supabase/service'

export async function PUT(req: Request) {
  const session = await auth()
  if (!session?.user?.id) return new Response('Unauthorized', { status: 401 })
  const settings = await req.json()
  const db = createServiceRoleClient()
  await db.from('user_settings').upsert({ ...settings, user_id: session.user.id }) // want privileged-key/admin-client-in-handler
  return Response.json({ ok: true })
}
