import { type NextRequest } from 'next/server'
import { createClient } from '../../../utils/supabase/server'

export async function GET(request: NextRequest) {
  const supabase = await createClient()
  const { data: { user }, error } = await supabase.auth.getUser()
  if (error || !user) return new Response('Unauthorized', { status: 401 })
  const fileId = request.nextUrl.searchParams.get('fileId')!
  const { data: file } = await supabase.from('files').select('*').eq('id', fileId).single() // want client-trust/unchecked-resource-id@medium
  return Response.json(file)
}
