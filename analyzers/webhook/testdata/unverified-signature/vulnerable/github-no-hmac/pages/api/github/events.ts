import type { NextApiRequest, NextApiResponse } from "next";
import { syncRepository } from "../../../lib/sync";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const name = req.headers["x-github-event"]; // want webhook/unverified-signature
  const payload = req.body;

  if (name === "push") {
    await syncRepository(payload.repository.full_name, payload.after);
  }
  if (name === "installation" && payload.action === "deleted") {
    await syncRepository(payload.installation.id, null);
  }
  res.status(200).json({ ok: true });
}
