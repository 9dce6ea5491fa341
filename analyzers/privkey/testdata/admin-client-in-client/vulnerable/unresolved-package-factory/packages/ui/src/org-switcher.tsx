'use client'

import { createAdminClient } from '@acme/db' // want privileged-key/admin-client-in-client@critical

export function OrgSwitcher() {
  const db = createAdminClient()
  return <button onClick={() => db.from('orgs').select('*')}>Switch</button>
}
