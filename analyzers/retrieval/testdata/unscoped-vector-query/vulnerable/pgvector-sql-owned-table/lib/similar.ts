import { sql } from "@vercel/postgres";

export async function similarChunks(vec: string) {
  const { rows } = await sql`select chunk, embedding <=> ${vec}::vector as distance from embeddings order by embedding <=> ${vec}::vector limit 5`; // want retrieval/unscoped-vector-query
  return rows;
}
