import { Router } from "express";
import { pool } from "../db";
import { embed } from "../embed";

export const search2 = Router();

search2.post("/search", async (req, res) => {
  if (!req.user) return res.sendStatus(401);
  const vec = await embed(req.body.q);
  const { rows } = await pool.query("SELECT id, title FROM notes WHERE owner_id = $2 ORDER BY embedding <=> $1 LIMIT 10", [JSON.stringify(vec), req.user.id]);
  res.json(rows);
});
