import { createClient } from '@supabase/supabase-js'

const supabase = createClient(process.env.SUPABASE_URL!, 'sb_secret_a_5ZMs1SWOpQaPRYpzbLGViYXjU2JgJn') // want secrets/supabase-service-key@critical

async function main() {
  const { data } = await supabase.from('profiles').select('id')
  console.log(data?.length)
}
main()
