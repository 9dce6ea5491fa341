import { Hono } from 'hono'
import { jwt } from 'hono/jwt'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/d1'
import { notes } from './schema'

const app = new Hono<{ Bindings: { DB: D1Database; JWT_SECRET: string } }>()

app.use('/api/*', (c, next) => jwt({ secret: c.env.JWT_SECRET })(c, next))

app.get('/api/notes', async (c) => {
  const payload = c.get('jwtPayload')
  const db = drizzle(c.env.DB)
  const rows = await db.select().from(notes).where(eq(notes.userId, payload.sub))
  return c.json(rows)
})

export default app
