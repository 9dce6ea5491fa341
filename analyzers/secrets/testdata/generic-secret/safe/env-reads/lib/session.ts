export const sessionOptions = {
  password: process.env.SESSION_SECRET!,
  cookieName: 'app_session',
}
