'use server'
import { eq } from 'drizzle-orm'
import { db } from '@/lib/db'
import { projects } from '@/lib/schema'
import { getCurrentUser } from '@/lib/session'
import { assertProjectAccess } from '@/lib/access'

export async function renameProject(projectId: string, name: string) {
  const user = await getCurrentUser()
  if (!user) throw new Error('Unauthorized')
  await assertProjectAccess(user.id, projectId)
  await db.update(projects).set({ name }).where(eq(projects.id, projectId))
}
