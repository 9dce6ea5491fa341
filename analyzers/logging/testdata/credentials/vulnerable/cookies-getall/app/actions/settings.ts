'use server'

import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'

export async function saveSettings(formData: FormData) {
  const store = await cookies()
  console.log('saveSettings cookies', store.getAll()) // want logging/credentials
  revalidatePath('/settings')
  return { ok: formData.get('theme') }
}
