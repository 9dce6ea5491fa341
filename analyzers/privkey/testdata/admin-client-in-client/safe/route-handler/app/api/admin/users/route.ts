import { NextResponse } from 'next/server'
import { supabaseAdmin } from '@/lib/supabase/admin'
import { createClient } from '@/lib/supabase/server'

export async function GET() {
  const { data: { user } } = await createClient().auth.getUser()
  if (user?.app_metadata.role !== 'admin') return NextResponse.json({}, { status: 403 })
  const { data } = await supabaseAdmin.auth.admin.listUsers()
  return NextResponse.json(data.users.map((u) => ({ id: u.id, email: u.email })))
}
