export { supabase } from './client'
export { supabaseAdmin } from './admin'
