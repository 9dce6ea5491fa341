import { getContext } from "@/lib/context";

// The public help-center assistant: no accounts, one shared index.
export async function POST(req: Request) {
  const { question } = await req.json();
  return Response.json({ context: await getContext(question) });
}
