'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/db'
import { projects } from '@/db/schema'
import { auth } from '@/auth'

export async function createProject(formData: FormData) {
  const session = await auth()
  if (!session?.user) throw new Error('Unauthorized')

  await db.insert(projects).values({
    name: formData.get('name') as string,
    ownerId: formData.get('ownerId') as string, // want client-trust/owner-id-from-request
  })
  revalidatePath('/projects')
}
