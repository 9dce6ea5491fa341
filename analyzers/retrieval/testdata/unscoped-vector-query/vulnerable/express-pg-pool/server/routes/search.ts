import { Router } from "express";
import { pool } from "../db";
import { embed } from "../embed";

export const search = Router();

search.post("/search", async (req, res) => {
  if (!req.user) return res.sendStatus(401);
  const vec = await embed(req.body.q);
  const { rows } = await pool.query("SELECT id, title FROM notes ORDER BY embedding <=> $1 LIMIT 10", [JSON.stringify(vec)]); // want retrieval/unscoped-vector-query
  res.json(rows);
});
