import type { NextApiRequest, NextApiResponse } from "next";
import { getProjects } from "@/lib/projects";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  console.log("incoming", req.method, req.headers); // want logging/credentials
  const projects = await getProjects(req);
  res.json(projects);
}
