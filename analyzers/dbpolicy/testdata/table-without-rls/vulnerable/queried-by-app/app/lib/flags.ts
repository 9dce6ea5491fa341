import { createClient } from '@/lib/supabase/client'

export async function loadFlags() {
  const supabase = createClient()
  const { data } = await supabase.from('feature_flags').select('*')
  return data ?? []
}
