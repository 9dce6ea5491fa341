import { cosineDistance, desc, gt, sql } from "drizzle-orm";
import { db } from "./db";
import { chunks } from "./db/schema";

export async function findSimilar(workspaceId: string, embedding: number[]) {
  const similarity = sql<number>`1 - (${cosineDistance(chunks.embedding, embedding)})`; // want retrieval/unscoped-vector-query
  return db.select({ text: chunks.text, similarity }).from(chunks).where(gt(similarity, 0.5)).orderBy(desc(similarity)).limit(4);
}
