import { stripe } from "@/lib/stripe";

export async function GET() {
  const prices = await stripe.prices.list({ active: true, expand: ["data.product"] });
  return Response.json(prices.data, { headers: { "Cache-Control": "public, s-maxage=3600, stale-while-revalidate=86400" } });
}
