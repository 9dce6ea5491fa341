'use client'

// Only the browser client is used, but the barrel also loads admin.ts, whose
// module-level createClient runs with the service-role key.
import { supabase } from '@/lib/supabase' // want privileged-key/admin-client-in-client

export const AvatarUpload = () => <input type="file" onChange={(e) => supabase.storage.from('avatars').upload('me.png', e.target.files![0])} />
