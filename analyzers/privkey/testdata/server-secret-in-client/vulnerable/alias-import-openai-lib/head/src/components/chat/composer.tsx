'use client'

import { useState } from 'react'
import { openai } from '@/lib/openai' // want privileged-key/server-secret-in-client

export function Composer() {
  const [text, setText] = useState('')
  return <form onSubmit={async (e) => { e.preventDefault(); await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }) }}>
    <textarea value={text} onChange={(e) => setText(e.target.value)} />
  </form>
}
