import { createClient } from '@/lib/supabase/server'
import { createAdminClient } from '@/lib/supabase/admin'

export async function GET(_req: Request, { params }: { params: Promise<{ userId: string }> }) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { userId } = await params
  const { data } = await createAdminClient().auth.admin.getUserById(userId) // want privileged-key/admin-client-in-handler@critical
  return Response.json({ email: data.user?.email, metadata: data.user?.user_metadata })
}
