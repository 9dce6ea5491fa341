'use server'
import { auth } from '@clerk/nextjs/server'
import { and, eq } from 'drizzle-orm'
import { db } from '@/lib/db'
import { todos } from '@/lib/schema'

export async function toggleTodo(todoId: number, done: boolean) {
  const { userId } = await auth()
  if (!userId) throw new Error('Not signed in')
  await db.update(todos).set({ done }).where(and(eq(todos.id, todoId), eq(todos.userId, userId)))
}

export async function listTodos() {
  const { userId, orgId } = await auth()
  if (!userId) return []
  return db.select().from(todos).where(eq(todos.orgId, orgId ?? userId))
}
