import { createAdminClient } from '@/lib/supabase/admin'

export const revalidate = 3600

export async function GET() {
  const { data } = await createAdminClient().from('plans').select('id, name, price_cents').order('price_cents')
  return Response.json(data)
}
