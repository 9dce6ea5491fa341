'use client'
import type { ChatMessage } from '@/lib/openai'
export const Message = ({ m }: { m: ChatMessage }) => <p>{String(m.content)}</p>
