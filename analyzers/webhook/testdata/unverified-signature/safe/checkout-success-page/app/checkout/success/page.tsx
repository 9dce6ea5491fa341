import { stripe } from "@/lib/stripe";
import { auth } from "@/auth";

export default async function Success({ searchParams }: { searchParams: Promise<{ session_id: string }> }) {
  const session = await auth();
  const { session_id } = await searchParams;
  const checkout = await stripe.checkout.sessions.retrieve(session_id);
  if (checkout.status === "complete") return <p>Thanks {session?.user?.name}</p>;
  return <p>Pending</p>;
}
