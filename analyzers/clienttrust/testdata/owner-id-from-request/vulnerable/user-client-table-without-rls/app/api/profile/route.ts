import { createClient } from '../../../utils/supabase/server'

export const PATCH = async (req: Request) => {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response(null, { status: 401 })
  const { user_id, display_name, bio } = await req.json()
  await supabase.from('profiles').update({ display_name, bio }).eq('user_id', user_id) // want client-trust/owner-id-from-request@high
  return Response.json({ ok: true })
}
