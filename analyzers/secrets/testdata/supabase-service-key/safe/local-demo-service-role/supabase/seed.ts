import { createClient } from '@supabase/supabase-js'

// Keys printed by `supabase start`: identical on every machine, only valid for the local stack.
const supabase = createClient('http://127.0.0.1:54321', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU')

async function main() {
  await supabase.from('plans').upsert([{ id: 'free' }, { id: 'pro' }])
}
main()
