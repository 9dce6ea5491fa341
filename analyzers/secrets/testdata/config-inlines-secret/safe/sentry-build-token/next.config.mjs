import { withSentryConfig } from '@sentry/nextjs'

const nextConfig = { reactStrictMode: true }

export default withSentryConfig(nextConfig, {
  org: 'acme',
  project: 'web',
  authToken: process.env.SENTRY_AUTH_TOKEN, // used by the build to upload source maps, never bundled
  silent: true,
})
