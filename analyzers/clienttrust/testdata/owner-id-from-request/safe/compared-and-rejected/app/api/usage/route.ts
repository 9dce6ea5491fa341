import { NextResponse } from 'next/server'
import { createClient } from '@/lib/supabase/server'
import { createAdminClient } from '@/lib/supabase/admin'

export async function POST(req: Request) {
  const supabase = await createClient()
  const { data: { user } } = await supabase.auth.getUser()
  const { userId, tokens } = await req.json()
  if (!user || userId !== user.id) {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 })
  }
  const admin = createAdminClient()
  await admin.from('usage').insert({ user_id: userId, tokens })
  return NextResponse.json({ ok: true })
}
