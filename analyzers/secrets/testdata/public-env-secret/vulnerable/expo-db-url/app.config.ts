export default {
  name: 'acme',
  extra: { db: process.env.EXPO_PUBLIC_DATABASE_URL }, // want secrets/public-env-secret
}
