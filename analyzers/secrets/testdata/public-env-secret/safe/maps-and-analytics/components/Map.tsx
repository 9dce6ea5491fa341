'use client'
export function Map() {
  const key = process.env.NEXT_PUBLIC_GOOGLE_MAPS_API_KEY
  const ph = process.env.NEXT_PUBLIC_POSTHOG_KEY
  return <div data-key={key} data-ph={ph} />
}
