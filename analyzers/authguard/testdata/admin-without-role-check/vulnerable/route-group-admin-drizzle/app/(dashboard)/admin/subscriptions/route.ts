import { db } from '../../../../db'
import { subscriptions } from '../../../../db/schema'
import { getCurrentUser } from '../../../../lib/session'

export async function GET() { // want auth-guard/admin-without-role-check
  const user = await getCurrentUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const rows = await db.select().from(subscriptions)
  return Response.json(rows)
}
