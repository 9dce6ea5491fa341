import { Pinecone } from "@pinecone-database/pinecone";
import { embed } from "@/lib/embed";

// Public documentation search: the same index for every visitor, no accounts.
const index = new Pinecone().index("public-docs");

export async function POST(req: Request) {
  const { q } = await req.json();
  const res = await index.query({ vector: await embed(q), topK: 5, includeMetadata: true });
  return Response.json(res.matches);
}
