import { createClient } from 'npm:@supabase/supabase-js@2'

const admin = createClient(Deno.env.get('SUPABASE_URL')!, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3ZXJ0eXVpb3AiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMTU1NzYwMDB9.gKtFI3OyV2dZAkg05rK-gqv81RKMGHZEM9YpvujA_C5") // want secrets/supabase-service-key@critical

Deno.serve(async () => {
  await admin.from('sessions').delete().lt('expires_at', new Date().toISOString())
  return new Response('ok')
})
