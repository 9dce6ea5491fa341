import { createClient } from "@supabase/supabase-js"
import OpenAI from "openai"
import { getServerProfile } from "@/lib/server/server-chat-helpers"

export async function POST(request: Request) {
  const json = await request.json()
  const { userInput, fileIds, sourceCount } = json as { userInput: string; fileIds: string[]; sourceCount: number }
  const uniqueFileIds = [...new Set(fileIds)]

  const supabaseAdmin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!)
  const profile = await getServerProfile()
  const openai = new OpenAI({ apiKey: profile.openai_api_key || "" })
  const response = await openai.embeddings.create({ model: "text-embedding-3-small", input: userInput })

  const { data: chunks, error } = await supabaseAdmin.rpc("match_file_items_openai", { // want retrieval/unscoped-rpc
    query_embedding: response.data[0].embedding as any,
    match_count: sourceCount,
    file_ids: uniqueFileIds
  })
  if (error) throw error
  return new Response(JSON.stringify({ results: chunks }), { status: 200 })
}
