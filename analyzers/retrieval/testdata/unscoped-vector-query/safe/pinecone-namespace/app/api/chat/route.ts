import { Pinecone } from "@pinecone-database/pinecone";
import { auth } from "@clerk/nextjs/server";

const pc = new Pinecone();

export async function POST(req: Request) {
  const { orgId } = await auth();
  if (!orgId) return new Response(null, { status: 401 });
  const { vector } = await req.json();
  const ns = pc.index("docs").namespace(orgId);
  const res = await ns.query({ vector, topK: 5, includeMetadata: true });
  return Response.json(res.matches);
}
