'use client'

import { getStorage } from 'firebase-admin/storage' // want privileged-key/admin-client-in-client@critical

export function UploadAvatar({ uid }: { uid: string }) {
  return <input type="file" onChange={(e) => getStorage().bucket().upload(e.target.value, { destination: `avatars/${uid}` })} />
}
