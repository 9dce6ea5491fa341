import { Pinecone } from "@pinecone-database/pinecone";

const pc = new Pinecone();

export async function retrieveContext(userId: string, vector: number[]) {
  const res = await pc.index("notes").query({ topK: 8, vector, includeMetadata: true }); // want retrieval/unscoped-vector-query
  return res.matches;
}
