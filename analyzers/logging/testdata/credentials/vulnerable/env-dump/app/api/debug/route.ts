export async function GET() {
  console.log("env at boot", process.env); // want logging/credentials
  console.log("db", process.env.DATABASE_URL); // want logging/credentials
  return Response.json({ ok: true });
}
