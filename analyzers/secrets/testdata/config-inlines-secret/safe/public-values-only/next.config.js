const pkg = require('./package.json')

module.exports = {
  env: {
    NEXT_PUBLIC_APP_URL: process.env.NEXT_PUBLIC_APP_URL,
    APP_VERSION: pkg.version,
    BUILD_TIME: new Date().toISOString(),
  },
}
