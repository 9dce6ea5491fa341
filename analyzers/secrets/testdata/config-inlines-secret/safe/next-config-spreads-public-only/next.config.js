const publicEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key.startsWith('NEXT_PUBLIC_') || key === 'APP_VERSION'),
)

module.exports = {
  env: { ...publicEnv },
}
