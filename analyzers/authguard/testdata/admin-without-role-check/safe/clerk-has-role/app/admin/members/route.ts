import { auth } from '@clerk/nextjs/server'
import { db } from '../../../lib/db'
import { members } from '../../../lib/schema'

export async function GET() {
  const { userId, has } = await auth()
  if (!userId || !has({ role: 'org:admin' })) return new Response('Forbidden', { status: 403 })
  return Response.json(await db.select().from(members))
}
