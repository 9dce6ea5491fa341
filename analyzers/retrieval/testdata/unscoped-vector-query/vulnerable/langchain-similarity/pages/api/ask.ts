import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
import { SupabaseVectorStore } from "@langchain/community/vectorstores/supabase";
import { OpenAIEmbeddings } from "@langchain/openai";
import { authOptions } from "@/lib/auth";
import { supabaseAdmin } from "@/lib/supabase-admin";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end();
  const store = new SupabaseVectorStore(new OpenAIEmbeddings(), { client: supabaseAdmin, tableName: "documents", queryName: "match_documents" });
  const docs = await store.similaritySearch(req.body.question, 4); // want retrieval/unscoped-vector-query
  res.json({ docs });
}
