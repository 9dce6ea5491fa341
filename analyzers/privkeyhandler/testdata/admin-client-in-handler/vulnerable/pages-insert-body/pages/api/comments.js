import { createPagesServerClient } from '@supabase/auth-helpers-nextjs'
import { supabaseAdmin } from '../../lib/supabaseAdmin'

export default async function handler(req, res) {
  const supabase = createPagesServerClient({ req, res })
  const { data: { user } } = await supabase.auth.getUser()
  if (!user) return res.status(401).end()
  const { error } = await supabaseAdmin.from('comments').insert({ author_id: req.body.authorId, text: req.body.text }) // want privileged-key/admin-client-in-handler
  if (error) return res.status(500).json({ error: error.message })
  res.status(201).end()
}
