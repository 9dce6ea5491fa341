import { cookies } from "next/headers";

export async function GET() {
  const token = (await cookies()).get("shop_token")?.value;
  const res = await fetch(`${process.env.SHOP_API}/me/orders`, { headers: { Authorization: token ?? "" }, next: { revalidate: 600 } }); // want cache/user-data-cached
  return Response.json(await res.json());
}
