import { Pinecone } from "@pinecone-database/pinecone";
import { auth } from "@/auth";
import { embed } from "@/lib/embeddings";

const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY! });
const index = pc.index("customer-docs");

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return new Response("unauthorized", { status: 401 });
  const { question } = await req.json();
  const results = await index.query({ vector: await embed(question), topK: 5, includeMetadata: true }); // want retrieval/unscoped-vector-query
  return Response.json(results.matches.map((m) => m.metadata?.text));
}
