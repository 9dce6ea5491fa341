import { ChromaClient } from "chromadb";

const chroma = new ChromaClient();

export async function recall(userId, text) {
  const collection = await chroma.getCollection({ name: "memories" });
  return collection.query({ queryTexts: [text], nResults: 5, where: { userId } });
}
