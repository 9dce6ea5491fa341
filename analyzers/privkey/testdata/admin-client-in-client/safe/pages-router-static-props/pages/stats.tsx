import { createClient } from '@supabase/supabase-js'

export async function getStaticProps() {
  const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!)
  const { count } = await admin.from('profiles').select('*', { count: 'exact', head: true })
  return { props: { count }, revalidate: 3600 }
}

export default function Stats({ count }: { count: number }) {
  return <p>{count} users</p>
}
