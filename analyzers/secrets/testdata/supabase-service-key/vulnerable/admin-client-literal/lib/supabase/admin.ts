import { createClient } from '@supabase/supabase-js'

export const supabaseAdmin = createClient(
  'https://xyzcompany.supabase.co',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Inh5emNvbXBhbnkiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMTU1NzYwMDB9.rb9h-ImB-LK777pzNk8cL6j5IXAAjlsHUqJoUD_-Ydu', // want secrets/supabase-service-key@critical
)
