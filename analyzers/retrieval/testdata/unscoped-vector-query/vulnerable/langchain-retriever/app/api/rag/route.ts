import { PineconeStore } from "@langchain/pinecone";
import { OpenAIEmbeddings } from "@langchain/openai";
import { createClient } from "@/utils/supabase/server";
import { pineconeIndex } from "@/lib/pinecone";

export async function POST(req: Request) {
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return new Response(null, { status: 401 });
  const vectorStore = await PineconeStore.fromExistingIndex(new OpenAIEmbeddings(), { pineconeIndex });
  const retriever = vectorStore.asRetriever({ k: 6 }); // want retrieval/unscoped-vector-query
  const docs = await retriever.invoke((await req.json()).question);
  return Response.json(docs);
}
