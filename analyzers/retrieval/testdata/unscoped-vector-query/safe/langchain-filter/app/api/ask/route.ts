import { auth } from "@/auth";
import { vectorStore } from "@/lib/store";

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user?.id) return new Response(null, { status: 401 });
  const { question } = await req.json();
  const docs = await vectorStore.similaritySearch(question, 4, { user_id: session.user.id });
  const retriever = vectorStore.asRetriever({ k: 4, filter: { user_id: session.user.id } });
  return Response.json({ docs, more: await retriever.invoke(question) });
}
