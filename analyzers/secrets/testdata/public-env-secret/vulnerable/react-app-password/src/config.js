export const adminPassword = process.env.REACT_APP_ADMIN_PASSWORD // want secrets/public-env-secret
