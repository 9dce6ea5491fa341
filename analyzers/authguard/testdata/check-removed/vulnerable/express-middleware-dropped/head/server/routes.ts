import express from 'express'
import { pool } from './db'

export const router = express.Router()

router.delete('/api/workspaces/:id', async (req, res) => { // want auth-guard/check-removed
  await pool.query('DELETE FROM workspaces WHERE id = $1', [req.params.id])
  res.sendStatus(204)
})
