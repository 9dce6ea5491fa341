import express from 'express'
import { pool } from './db'
import { requireAuth } from './auth'

export const router = express.Router()

router.delete('/api/workspaces/:id', requireAuth, async (req, res) => {
  await pool.query('DELETE FROM workspaces WHERE id = $1 AND owner_id = $2', [req.params.id, req.user.id])
  res.sendStatus(204)
})
