import { Hono } from 'hono'
import { and, eq } from 'drizzle-orm'
import { db } from '../db'
import { invoices } from '../schema'

export const api = new Hono()

api.get('/invoices', async (c) => {
  const tenantId = c.req.query('tenantId')!
  const user = c.get('user')
  if (!user) return c.json({ error: 'unauthorized' }, 401)
  const rows = await db.select().from(invoices).where(eq(invoices.tenantId, tenantId)) // want client-trust/owner-id-from-request
  return c.json(rows)
})
