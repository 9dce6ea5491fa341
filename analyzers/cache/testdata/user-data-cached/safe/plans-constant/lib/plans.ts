import { unstable_cache } from "next/cache";
import { stripe } from "./stripe";

export const getPlans = unstable_cache(async () => (await stripe.prices.list({ active: true })).data, ["plans"], { revalidate: 3600 });
