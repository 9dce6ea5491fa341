import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getSession } from "~/sessions.server";
import { db } from "~/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request.headers.get("Cookie"));
  const user = await db.user.findUnique({ where: { id: session.get("userId") } });
  return json({ user }, { headers: { "Cache-Control": "public, max-age=300, s-maxage=3600" } }); // want cache/public-session-response
}
