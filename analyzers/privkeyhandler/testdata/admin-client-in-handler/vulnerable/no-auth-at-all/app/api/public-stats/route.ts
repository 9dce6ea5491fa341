import { createClient } from '@supabase/supabase-js'

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!)

export const GET = async (req: Request) => {
  const orgId = new URL(req.url).searchParams.get('orgId')
  const { data } = await supabase.from('usage_events').select('event, created_at').eq('org_id', orgId) // want privileged-key/admin-client-in-handler@critical
  return Response.json(data)
}
