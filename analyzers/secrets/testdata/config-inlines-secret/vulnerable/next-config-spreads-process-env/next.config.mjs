/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  // make every variable available to the client, like CRA did
  env: { ...process.env }, // want secrets/config-inlines-secret
}

export default nextConfig
