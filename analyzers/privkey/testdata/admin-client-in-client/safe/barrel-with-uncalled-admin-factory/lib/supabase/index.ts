export { supabase } from './client'
export { createAdminClient } from './admin'
