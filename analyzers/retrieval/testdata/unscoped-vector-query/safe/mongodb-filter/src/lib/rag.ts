import { MongoClient } from "mongodb";
import { auth } from "@/auth";

const client = new MongoClient(process.env.MONGODB_URI!);

export async function findContext(queryVector: number[]) {
  const session = await auth();
  return client.db("app").collection("chunks").aggregate([
    { $vectorSearch: { index: "vector_index", path: "embedding", queryVector, numCandidates: 100, limit: 5, filter: { userId: session!.user!.id } } },
  ]).toArray();
}
