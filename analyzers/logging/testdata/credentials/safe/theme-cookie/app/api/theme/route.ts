import { cookies } from "next/headers";

export async function GET() {
  const theme = (await cookies()).get("theme")?.value ?? "light";
  console.log("theme cookie", theme, (await cookies()).get("cookie-consent")?.value);
  return Response.json({ theme });
}
