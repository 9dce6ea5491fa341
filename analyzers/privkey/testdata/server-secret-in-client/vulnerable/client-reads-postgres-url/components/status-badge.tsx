'use client'

import { neon } from '@neondatabase/serverless'

const sql = neon(process.env.POSTGRES_URL!) // want privileged-key/server-secret-in-client

export function StatusBadge() {
  return <button onClick={() => sql`select 1`}>Ping</button>
}
