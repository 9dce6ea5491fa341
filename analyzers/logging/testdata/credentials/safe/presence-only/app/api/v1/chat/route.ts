export async function POST(req: Request) {
  console.log("auth header present:", Boolean(req.headers.get("authorization")));
  console.log("cookie header length", req.headers.get("cookie")?.length ?? 0);
  return new Response("ok");
}
