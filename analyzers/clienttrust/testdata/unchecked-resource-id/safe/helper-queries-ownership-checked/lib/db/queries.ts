import 'server-only'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { and, asc, eq } from 'drizzle-orm'
import { chat, message } from './schema'

const client = postgres(process.env.POSTGRES_URL!)
const db = drizzle(client)

export async function getChatById({ id }: { id: string }) {
  const [selectedChat] = await db.select().from(chat).where(eq(chat.id, id))
  return selectedChat
}

export async function getMessagesByChatId({ id }: { id: string }) {
  return db.select().from(message).where(eq(message.chatId, id)).orderBy(asc(message.createdAt))
}

export async function deleteChatById({ id }: { id: string }) {
  await db.delete(message).where(eq(message.chatId, id))
  return db.delete(chat).where(eq(chat.id, id))
}

export async function getChatsByUserId(userId: string) {
  return db.select().from(chat).where(eq(chat.userId, userId))
}
