import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  schema: './db/schema.ts',
  dialect: 'postgresql',
  dbCredentials: { url: 'postgres://app_user:nD8K5pJG3hfRx54BaaqO@db.abcd.supabase.co:5432/postgres' }, // want secrets/database-url
})
