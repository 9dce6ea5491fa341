module.exports = {
  async rewrites() {
    return [{ source: '/ingest/:path*', destination: `https://eu.i.posthog.com/:path*` }]
  },
  async headers() {
    const previewToken = process.env.PREVIEW_SECRET ? 'on' : 'off'
    return [{ source: '/(.*)', headers: [{ key: 'x-preview', value: previewToken }] }]
  },
  env: { FEATURE_FLAGS: 'billing,teams', SECRET_SANTA_ENABLED: 'true' },
}
