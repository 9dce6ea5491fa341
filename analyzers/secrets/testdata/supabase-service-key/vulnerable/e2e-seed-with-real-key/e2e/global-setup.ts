import { createClient } from '@supabase/supabase-js'

// seeds the staging project before the Playwright run
const supabase = createClient('https://kuqfcbavarcgjcvlygde.supabase.co', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Imt1cWZjYmF2YXJjZ2pjdmx5Z2RlIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAzNTIxNCwiZXhwIjoyMDMzNjExMjE0fQ.UzVfsB88y7L2aPlI-PuRRUinBGf8YbuLkPGvtAcZycE') // want secrets/supabase-service-key@critical

export default async function globalSetup() {
  await supabase.auth.admin.createUser({ email: 'e2e@acme.dev', password: 'e2e-password', email_confirm: true })
}
