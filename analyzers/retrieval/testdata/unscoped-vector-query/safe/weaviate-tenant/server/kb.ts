import weaviate from "weaviate-client";

const client = await weaviate.connectToLocal();

export async function searchKnowledge(tenantId: string, query: string) {
  const articles = client.collections.get("Article").withTenant(tenantId);
  const result = await articles.query.nearText(query, { limit: 5 });
  return result.objects;
}
