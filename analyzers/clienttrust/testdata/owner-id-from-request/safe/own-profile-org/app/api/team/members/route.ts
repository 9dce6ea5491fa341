import { createClient, createServiceClient } from '@/utils/supabase/server'

// The tenant comes from the caller's own profile row, not from the request.
export async function GET() {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { data: profile } = await supabase.from('profiles').select('team_id').eq('id', user.id).single()
  const service = createServiceClient()
  const { data: members } = await service.from('profiles').select('id, display_name').eq('team_id', profile!.team_id)
  return Response.json(members)
}
