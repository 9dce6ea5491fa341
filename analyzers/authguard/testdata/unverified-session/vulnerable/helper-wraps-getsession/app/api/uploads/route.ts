import { getSessionUser } from '../../../lib/session'
import { createClient } from '../../../utils/supabase/server'

export async function POST(req: Request) {
  const user = await getSessionUser() // want auth-guard/unverified-session
  if (!user) return new Response('Unauthorized', { status: 401 })
  const supabase = await createClient()
  const form = await req.formData()
  await supabase.storage.from('uploads').upload(`${user.id}/${Date.now()}`, form.get('file') as File)
  return Response.json({ ok: true })
}
