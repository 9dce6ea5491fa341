'use client'

import OpenAI from 'openai'
import { useState } from 'react'

const openai = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true }) // want secrets/public-env-secret

export function PromptBox() {
  const [answer, setAnswer] = useState('')
  return <form action={async (fd) => {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(fd.get('q')) }] })
    setAnswer(r.choices[0].message.content ?? '')
  }}><input name="q" /><p>{answer}</p></form>
}
