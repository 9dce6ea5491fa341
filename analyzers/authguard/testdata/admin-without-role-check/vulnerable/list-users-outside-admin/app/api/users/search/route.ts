import { getSupabaseAdmin } from '../../../../lib/supabase-admin'
import { auth } from '@clerk/nextjs/server'

export const GET = async (req: Request) => { // want auth-guard/admin-without-role-check
  const { userId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  const q = new URL(req.url).searchParams.get('q') ?? ''
  const { data } = await getSupabaseAdmin().auth.admin.listUsers({ perPage: 1000 })
  return Response.json(data.users.filter((u) => u.email?.includes(q)))
}
