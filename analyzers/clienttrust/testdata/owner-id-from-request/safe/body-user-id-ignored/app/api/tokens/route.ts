import { createClient } from '../../../utils/supabase/server'
import { admin } from '../../../utils/supabase/admin'

export async function POST(req: Request) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { user_id: _ignored, label } = await req.json()
  const { data } = await admin.from('api_tokens').insert({ user_id: user.id, label }).select().single()
  return Response.json(data)
}
