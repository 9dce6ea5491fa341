import { QdrantClient } from "@qdrant/js-client-rest";
import { currentUser } from "@clerk/nextjs/server";
import { embed } from "@/lib/embed";

const qdrant = new QdrantClient({ url: process.env.QDRANT_URL, apiKey: process.env.QDRANT_API_KEY });

export async function GET(req: Request) {
  const user = await currentUser();
  if (!user) return new Response(null, { status: 401 });
  const q = new URL(req.url).searchParams.get("q") ?? "";
  const hits = await qdrant.search("tickets", { vector: await embed(q), limit: 10, with_payload: true }); // want retrieval/unscoped-vector-query
  return Response.json(hits);
}
