export default {
  images: { remotePatterns: [{ hostname: 'abcd.supabase.co' }] },
  experimental: { serverActions: { bodySizeLimit: '2mb' } },
}
