export const defaults = {
  apiKey: 'your-api-key-here',
  sessionSecret: 'changeme',
  clientSecret: '<client-secret>',
  webhookToken: 'xxxxxxxxxxxxxxxxxxxxxxxx',
  adminPassword: 'REPLACE_WITH_A_STRONG_PASSWORD',
}
