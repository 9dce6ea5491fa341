import { and, cosineDistance, desc, eq, gt, sql } from "drizzle-orm";
import { db } from "./db";
import { chunks } from "./db/schema";

export async function findSimilar(userId: string, embedding: number[]) {
  const similarity = sql<number>`1 - (${cosineDistance(chunks.embedding, embedding)})`;
  return db
    .select({ text: chunks.text, similarity })
    .from(chunks)
    .where(and(eq(chunks.userId, userId), gt(similarity, 0.5)))
    .orderBy(desc(similarity))
    .limit(4);
}
