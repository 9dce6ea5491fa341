import { Pinecone } from "@pinecone-database/pinecone";
import { getCurrentUser } from "./session";

const index = new Pinecone().index("notes");

export async function retrieve(vector: number[]) {
  const user = await getCurrentUser();
  return index.query({ vector, topK: 8, filter: { userId: { $eq: user.id } }, includeMetadata: true });
}
