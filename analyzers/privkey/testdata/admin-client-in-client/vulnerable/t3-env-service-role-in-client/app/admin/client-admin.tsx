'use client'

import { createClient } from '@supabase/supabase-js'
import { env } from '@/env'

const admin = createClient(env.NEXT_PUBLIC_SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY) // want privileged-key/admin-client-in-client

export const Purge = () => <button onClick={() => admin.from('logs').delete().neq('id', 0)}>Purge</button>
