'use client'

import { env } from '@/env'

export function DebugPanel() {
  // rendered on the server too: the key ends up in the HTML
  return <pre>{env.STRIPE_SECRET_KEY}</pre> // want privileged-key/server-secret-in-client
}
