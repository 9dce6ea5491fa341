import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'

const db = drizzle(postgres(process.env.POSTGRES_URL!))

export async function getUser() {
  return db.query.users.findFirst()
}
