'use client'

import { summarize } from '@/lib/ai' // want privileged-key/server-secret-in-client

export function SummaryButton({ text }: { text: string }) {
  return <button onClick={() => summarize(text)}>Summarize</button>
}
