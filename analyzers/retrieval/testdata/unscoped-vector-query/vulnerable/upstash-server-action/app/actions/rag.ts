"use server";
import { Index } from "@upstash/vector";
import { currentUser } from "@clerk/nextjs/server";

const index = new Index();

export async function retrieve(question: string) {
  const user = await currentUser();
  if (!user) throw new Error("unauthorized");
  return index.query({ data: question, topK: 5, includeMetadata: true }); // want retrieval/unscoped-vector-query
}
