import { createClient } from '../../../utils/supabase/server'

export async function GET() {
  const supabase = await createClient()
  const { data: { session } } = await supabase.auth.getSession() // want auth-guard/unverified-session@medium
  const { data } = await supabase.from('favorites').select('*').eq('user_id', session?.user.id)
  return Response.json(data)
}
