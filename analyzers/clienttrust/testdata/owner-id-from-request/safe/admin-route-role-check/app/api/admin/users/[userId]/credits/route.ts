import { NextResponse } from 'next/server'
import { auth } from '@/auth'
import { supabaseAdmin } from '@/lib/supabase/admin'

export async function POST(req: Request, { params }: { params: { userId: string } }) {
  const session = await auth()
  if (session?.user?.role !== 'admin') {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 })
  }
  const { amount } = await req.json()
  await supabaseAdmin.from('credits').insert({ user_id: params.userId, amount })
  return NextResponse.json({ ok: true })
}
