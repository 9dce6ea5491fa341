import { Pinecone } from "@pinecone-database/pinecone";
import { embed } from "./embed";

const index = new Pinecone().index("workspace-docs");

export async function getContext(question: string) {
  const res = await index.query({ vector: await embed(question), topK: 6, includeMetadata: true }); // want retrieval/unscoped-vector-query
  return res.matches.map((m) => String(m.metadata?.text ?? "")).join("\\n");
}
