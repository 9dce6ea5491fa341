"use client";

import { useSession } from "next-auth/react";

export function DebugPanel() {
  const { data: session } = useSession();
  console.log("session in browser", session);
  return <pre>{session?.user?.name}</pre>;
}
