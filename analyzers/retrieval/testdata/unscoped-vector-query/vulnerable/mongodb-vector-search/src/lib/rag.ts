import { MongoClient } from "mongodb";
import { auth } from "@/auth";

const client = new MongoClient(process.env.MONGODB_URI!);

export async function findContext(queryVector: number[]) {
  const session = await auth();
  if (!session) throw new Error("unauthorized");
  return client.db("app").collection("chunks").aggregate([
    {
      $vectorSearch: { index: "vector_index", path: "embedding", queryVector, numCandidates: 100, limit: 5 }, // want retrieval/unscoped-vector-query
    },
    { $project: { text: 1, score: { $meta: "vectorSearchScore" } } },
  ]).toArray();
}
