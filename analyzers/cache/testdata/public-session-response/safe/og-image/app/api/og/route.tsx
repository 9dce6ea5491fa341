import { ImageResponse } from "next/og";

export async function GET(req: Request) {
  const title = new URL(req.url).searchParams.get("title") ?? "Acme";
  return new ImageResponse(<div>{title}</div>, { headers: { "Cache-Control": "public, max-age=86400, immutable" } });
}
