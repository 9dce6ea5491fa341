import { getPlans } from "@/lib/plans";

export const dynamic = "force-static";
export const revalidate = 3600;

export default async function Pricing() {
  const plans = await getPlans();
  return <div>{plans.map((p) => <p key={p.id}>{p.name}</p>)}</div>;
}
