import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { getCart } from "@/lib/cart";

export async function GET() {
  const cartId = (await cookies()).get("cart_id")?.value;
  const cart = await getCart(cartId);
  const response = NextResponse.json(cart);
  response.headers.set("Cache-Control", "max-age=120"); // want cache/public-session-response@medium
  return response;
}
