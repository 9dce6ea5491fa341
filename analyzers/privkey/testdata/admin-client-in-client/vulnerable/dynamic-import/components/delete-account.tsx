'use client'

export function DeleteAccountButton({ userId }: { userId: string }) {
  return (
    <button
      onClick={async () => {
        const { supabaseAdmin } = await import('@/lib/supabase/admin') // want privileged-key/admin-client-in-client@critical
        await supabaseAdmin.auth.admin.deleteUser(userId)
      }}
    >
      Delete account
    </button>
  )
}
