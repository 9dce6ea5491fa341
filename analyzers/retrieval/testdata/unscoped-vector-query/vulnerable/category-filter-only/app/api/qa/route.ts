import { auth } from "@/auth";
import { vectorStore } from "@/lib/vector-store";

export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  const { question, category } = await req.json();
  const retriever = vectorStore.asRetriever({ k: 5, filter: { category } }); // want retrieval/unscoped-vector-query@medium
  return Response.json(await retriever.invoke(question));
}
