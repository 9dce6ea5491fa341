import { getIronSession } from 'iron-session'

const sessionPassword = 'C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CPVNPk' // want secrets/generic-secret

export async function getSession(cookies: any) {
  return getIronSession(cookies, { password: sessionPassword, cookieName: 'app_session' })
}
