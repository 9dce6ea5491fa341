import { auth } from "@/auth";
import { getQuota } from "@/lib/quota";

export async function GET() {
  const session = await auth();
  const quota = await getQuota(session!.user!.id!);
  console.log(`quota for ${session!.user!.id}: ${quota.remainingTokens} tokens left, plan ${quota.plan}`);
  return Response.json(quota);
}
