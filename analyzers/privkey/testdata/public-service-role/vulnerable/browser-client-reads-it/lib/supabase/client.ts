import { createBrowserClient } from '@supabase/ssr'

// service role so the dashboard can read every workspace without RLS errors
export const createClient = () =>
  createBrowserClient(
    process.env.NEXT_PUBLIC_SUPABASE_URL!,
    process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY!, // want privileged-key/public-service-role
  )
