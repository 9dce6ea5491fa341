export const TOKEN_KEY = 'sb-access-token'
export const REFRESH_TOKEN_COOKIE = 'sb-refresh-token'
export const PASSWORD_FIELD = 'password'
export const API_KEY_HEADER = 'x-api-key'
export const secretsPath = '/settings/api-keys'
const passwordResetRedirect = 'https://app.acme.dev/auth/reset-password'

export function readToken() {
  return localStorage.getItem(TOKEN_KEY) ?? passwordResetRedirect
}
