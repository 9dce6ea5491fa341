'use client'

import { deactivate } from './actions'

export function DeactivateButton({ userId }: { userId: string }) {
  return <button onClick={() => deactivate(userId)}>Deactivate</button>
}
