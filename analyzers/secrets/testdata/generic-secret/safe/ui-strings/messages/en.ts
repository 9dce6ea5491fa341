export const en = {
  password: 'Password must be at least 12 characters',
  passwordConfirm: 'Passwords do not match',
  apiKey: 'API key',
  secret: 'Keep this secret safe',
  tokenExpired: 'Your session token has expired, please sign in again.',
}
