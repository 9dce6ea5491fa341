import type { NextApiRequest, NextApiResponse } from 'next'
import { createPagesServerClient } from '@supabase/auth-helpers-nextjs'
import { createClient } from '@supabase/supabase-js'

const supabaseAdmin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!)

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const supabase = createPagesServerClient({ req, res })
  const {
    data: { session },
  } = await supabase.auth.getSession() // want auth-guard/unverified-session@high
  if (!session) return res.status(401).json({ error: 'not_authenticated' })
  await supabaseAdmin.from('feedback').insert({ user_id: session.user.id, message: req.body.message })
  res.status(201).end()
}
