'use server'

import { eq } from 'drizzle-orm'
import { revalidateTag } from 'next/cache'
import db from './db'
import { sites } from './schema'
import { withSiteAuth } from './auth'

// The wrapper fetched the site by id and compared its owner with the
// session before handing it over: site.id is the caller's site.
export const updateSite = withSiteAuth(async (formData: FormData, site: { id: string; subdomain: string }, key: string) => {
  const value = formData.get(key) as string
  const response = await db
    .update(sites)
    .set({ [key]: value })
    .where(eq(sites.id, site.id))
    .returning()
    .then((res) => res[0])
  revalidateTag(`${site.subdomain}-metadata`)
  return response
})

export const deleteSite = withSiteAuth(async (_: FormData, site: { id: string }) => {
  return db.delete(sites).where(eq(sites.id, site.id)).returning()
})
