import { createBrowserClient } from '@supabase/ssr'

// The anon key is public by design; row-level security protects the data.
export const supabase = createBrowserClient(
  'https://kykmbhqlrwijdpknwwxs.supabase.co',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Imt5a21iaHFscndpamRwa253d3hzIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTgwMzUyMTQsImV4cCI6MjAzMzYxMTIxNH0.GFdntC4bTTbPHvdHyMxaUjgDZfF00kBepCYuYwbJkBM',
)
