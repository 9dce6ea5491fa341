import { createClient } from '../../../../lib/supabase/server'

// RLS ties docs to auth.uid() and this is the user's own client.
export async function PATCH(req: Request, { params }: { params: Promise<{ docId: string }> }) {
  const { docId } = await params
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response(null, { status: 401 })
  const { body } = await req.json()
  const { data } = await supabase.from('docs').update({ body }).eq('id', docId).select().single()
  return Response.json(data)
}
