import { unstable_cache } from "next/cache";
import { db } from "./db";

export async function getCatalog(locale: string) {
  return unstable_cache(async () => db.product.findMany({ where: { locale, published: true } }), ["catalog", locale], { revalidate: 3600 })();
}
