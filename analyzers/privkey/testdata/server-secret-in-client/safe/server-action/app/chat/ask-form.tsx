'use client'

import { ask } from '@/app/chat/actions'

export function AskForm() {
  return <form action={async (fd) => { await ask(String(fd.get('q'))) }}><input name="q" /></form>
}
