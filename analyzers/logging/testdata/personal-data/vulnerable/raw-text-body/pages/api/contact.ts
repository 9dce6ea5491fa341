import type { NextApiRequest, NextApiResponse } from "next";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  console.log("contact form", req.body); // want logging/personal-data
  res.status(204).end();
}
