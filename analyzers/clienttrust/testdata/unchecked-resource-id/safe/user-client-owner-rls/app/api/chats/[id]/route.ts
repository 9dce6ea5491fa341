import { createClient } from '../../../../utils/supabase/server'

// Not a finding: a user-scoped client on a table whose policies tie rows to
// auth.uid(); another user's chat id simply returns nothing.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { id } = await params
  const { data } = await supabase.from('chats').select('*').eq('id', id).single()
  return Response.json(data)
}
