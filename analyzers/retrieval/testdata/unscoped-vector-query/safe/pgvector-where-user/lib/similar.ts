import { sql } from "@vercel/postgres";

export async function similarChunks(userId: string, vec: string) {
  const { rows } = await sql`
    select chunk from embeddings
    where user_id = ${userId}
    order by embedding <=> ${vec}::vector
    limit 5`;
  return rows;
}
