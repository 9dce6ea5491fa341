'use client'

export function Footer() {
  const debug = process.env.NODE_ENV !== 'production'
  return <footer>{process.env.NEXT_PUBLIC_SITE_URL}{debug ? ' (dev)' : ''}{process.env.NEXT_PUBLIC_VERCEL_GIT_COMMIT_SHA}</footer>
}
