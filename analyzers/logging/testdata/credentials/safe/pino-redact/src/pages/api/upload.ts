import type { NextApiRequest, NextApiResponse } from "next";
import { log } from "../../server/logger";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  log.info({ req: { url: req.url, headers: req.headers } }, "upload");
  res.status(204).end();
}
