import type { NextApiRequest, NextApiResponse } from "next";

// List the caller's projects.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "GET") return res.status(405).end();
  console.log("[projects] request", req.method, req.headers);
  res.json([]);
}
