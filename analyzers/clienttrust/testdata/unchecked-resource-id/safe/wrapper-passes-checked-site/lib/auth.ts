import { getServerSession } from 'next-auth'
import db from './db'
import { authOptions } from './auth-options'

export function getSession() {
  return getServerSession(authOptions)
}

export function withSiteAuth(action: any) {
  return async (formData: FormData | null, siteId: string, key: string | null) => {
    const session = await getSession()
    if (!session) {
      return { error: 'Not authenticated' }
    }
    const site = await db.query.sites.findFirst({
      where: (sites, { eq }) => eq(sites.id, siteId),
    })
    if (!site || site.userId !== session.user.id) {
      return { error: 'Not authorized' }
    }
    return action(formData, site, key)
  }
}
