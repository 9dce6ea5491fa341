import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  schema: './db/schema.ts',
  out: './drizzle',
  dialect: 'postgresql',
  dbCredentials: {
    url: 'postgresql://postgres.bzigpxsznwbgigcoiour:oFf0xPHYTVXAoBD7R32f@aws-0-us-east-1.pooler.supabase.com:6543/postgres', // want secrets/database-url
  },
})
