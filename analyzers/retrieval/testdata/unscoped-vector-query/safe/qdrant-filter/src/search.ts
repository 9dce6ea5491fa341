import { QdrantClient } from "@qdrant/js-client-rest";

const client = new QdrantClient({ url: process.env.QDRANT_URL });

export async function searchTickets(accountId: string, vector: number[]) {
  return client.search("tickets", {
    vector,
    limit: 10,
    filter: { must: [{ key: "account_id", match: { value: accountId } }] },
  });
}
