import { MemoryVectorStore } from "langchain/vectorstores/memory";
import { OpenAIEmbeddings } from "@langchain/openai";
import { docs } from "./docs";

const store = await MemoryVectorStore.fromTexts(docs.map((d) => d.text), docs.map((d) => ({ url: d.url })), new OpenAIEmbeddings());

export async function answer(question: string) {
  return store.similaritySearch(question, 3);
}
