import { Router } from 'express'
import { pool } from '../db'
import { requireUser } from '../auth'

export const reports = Router()

reports.get('/reports/:reportId', requireUser, async (req, res) => {
  const user = req.user!
  const { rows } = await pool.query(
    'SELECT id, title, body FROM reports WHERE id = $1',
    [req.params.reportId], // want client-trust/unchecked-resource-id
  )
  if (!rows.length) return res.status(404).json({ error: 'not found' })
  res.json({ report: rows[0], viewer: user.id })
})
