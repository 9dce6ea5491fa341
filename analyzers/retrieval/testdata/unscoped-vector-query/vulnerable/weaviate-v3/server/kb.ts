import weaviate from "weaviate-client";

const client = await weaviate.connectToWeaviateCloud(process.env.WEAVIATE_URL!, { authCredentials: new weaviate.ApiKey(process.env.WEAVIATE_KEY!) });

export async function searchKnowledge({ orgId, query }: { orgId: string; query: string }) {
  const articles = client.collections.get("Article");
  const result = await articles.query.nearText(query, { limit: 5, returnMetadata: ["distance"] }); // want retrieval/unscoped-vector-query
  return result.objects;
}
