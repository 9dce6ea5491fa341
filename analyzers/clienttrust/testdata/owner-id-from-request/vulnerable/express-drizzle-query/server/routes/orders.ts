import express from 'express'
import { and, eq } from 'drizzle-orm'
import { db } from '../db'
import { orders } from '../schema'
import { requireAuth } from '../middleware/auth'

const router = express.Router()

router.get('/api/orders', requireAuth, async (req, res) => {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, String(req.query.accountId)), eq(orders.archived, false))) // want client-trust/owner-id-from-request
  res.json(rows)
})

export default router
