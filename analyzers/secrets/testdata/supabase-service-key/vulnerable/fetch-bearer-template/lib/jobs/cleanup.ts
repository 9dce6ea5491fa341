export async function purgeExpiredInvites() {
  const res = await fetch('https://flfjsrhnfpgwponbhqhx.supabase.co/rest/v1/invites?expires_at=lt.now()', {
    method: 'DELETE',
    headers: {
      apikey: process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!,
      Authorization: `Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImZsZmpzcmhuZnBnd3BvbmJocWh4Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAzNTIxNCwiZXhwIjoyMDMzNjExMjE0fQ.v_ShO6DZiJktTXo-abBJ8vG9-1IrVyK0pIVRIFdg218`, // want secrets/supabase-service-key@critical
    },
  })
  if (!res.ok) throw new Error(`purge failed: ${res.status}`)
}
