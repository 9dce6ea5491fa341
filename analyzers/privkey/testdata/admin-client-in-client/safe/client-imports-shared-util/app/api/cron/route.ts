import { supabaseAdmin } from '@/lib/supabase/admin'
export async function GET() {
  await supabaseAdmin.from('sessions').delete().lt('expires_at', new Date().toISOString())
  return new Response('ok')
}
