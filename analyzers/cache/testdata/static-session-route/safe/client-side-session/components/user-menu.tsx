"use client";
import { useSession } from "next-auth/react";

export function UserMenu() {
  const { data } = useSession();
  return <span>{data?.user?.name ?? "Sign in"}</span>;
}
