module.exports = {
  env: {
    APP_VERSION: process.env.npm_package_version,
    NEXT_PUBLIC_SITE_URL: process.env.NEXT_PUBLIC_SITE_URL,
  },
}
