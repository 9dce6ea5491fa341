import { createAdminClient } from '@/lib/supabase/admin'

export async function GET(request: Request) {
  const authHeader = request.headers.get('authorization')
  if (authHeader !== `Bearer ${process.env.CRON_SECRET}`) {
    return new Response('Unauthorized', { status: 401 })
  }
  const admin = createAdminClient()
  const { data: users } = await admin.from('profiles').select('id, email, user_id').eq('digest', true)
  return Response.json({ queued: users?.length ?? 0 })
}
