import { VectorStoreIndex } from "llamaindex";
import { getStorageContext } from "./storage";

export async function answer(tenantId: string, question: string) {
  const index = await VectorStoreIndex.init({ storageContext: await getStorageContext() });
  const retriever = index.asRetriever({ similarityTopK: 3 }); // want retrieval/unscoped-vector-query
  return retriever.retrieve({ query: question });
}
