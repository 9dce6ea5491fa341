export const TOKEN_KEY = 'sb-access-token'
export const REFRESH_TOKEN_STORAGE_KEY = 'app.auth.refreshToken.v2'
export const PASSWORD_RESET_ROUTE = '/auth/reset-password'
export const apiKeyHeader = 'x-api-key'
