import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { authOptions } from "../../lib/auth";
import { db } from "../../lib/db";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end();
  const account = await db.account.findUnique({ where: { email: session.user!.email! } });
  res.setHeader("Cache-Control", "s-maxage=300, stale-while-revalidate"); // want cache/public-session-response
  res.json(account);
}
