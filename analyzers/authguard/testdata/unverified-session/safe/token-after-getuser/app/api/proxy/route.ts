import { createClient } from '../../../utils/supabase/server'

export async function POST(req: Request) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { data: { session } } = await supabase.auth.getSession()
  if (!session) return new Response('Unauthorized', { status: 401 })
  return fetch(process.env.EDGE_FN_URL!, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.access_token}` },
    body: await req.text(),
  })
}
