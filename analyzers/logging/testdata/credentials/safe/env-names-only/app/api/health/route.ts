export async function GET() {
  console.log("configured:", Object.keys(process.env).filter((k) => k.startsWith("NEXT_PUBLIC_")).length, "public vars");
  console.log("region", process.env.VERCEL_REGION, "stripe configured", Boolean(process.env.STRIPE_SECRET_KEY));
  return Response.json({ ok: true });
}
