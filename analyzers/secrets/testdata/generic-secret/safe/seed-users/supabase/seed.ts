import { createClient } from '@supabase/supabase-js'

const supabase = createClient('http://127.0.0.1:54321', process.env.SUPABASE_SERVICE_ROLE_KEY!)

const users = [
  { email: 'owner@acme.test', password: 'Owner-Pass-2024!' },
  { email: 'member@acme.test', password: 'Member#Pass99' },
]

for (const u of users) await supabase.auth.admin.createUser({ ...u, email_confirm: true })
