import { json } from "@sveltejs/kit";
import type { RequestHandler } from "./$types";

export const GET: RequestHandler = async ({ locals, setHeaders }) => {
  if (!locals.user) return json({ error: "unauthorized" }, { status: 401 });
  setHeaders({ "cache-control": "public, max-age=300" }); // want cache/public-session-response
  return json({ id: locals.user.id, email: locals.user.email, plan: locals.user.plan });
};
