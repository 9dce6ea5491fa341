import { createClient } from '@supabase/supabase-js'
import type { Database } from '@/types/supabase'

export const supabaseAdmin = createClient<Database>(
  'https://qppsnyuavpjanqtmnpet.supabase.co',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFwcHNueXVhdnBqYW5xdG1ucGV0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAzNTIxNCwiZXhwIjoyMDMzNjExMjE0fQ.eS6MPTwVa7OrqongUNGVhSOtP60lsbIUc2FxNlkdHvM', // want secrets/supabase-service-key@critical
  { auth: { persistSession: false, autoRefreshToken: false } },
)
