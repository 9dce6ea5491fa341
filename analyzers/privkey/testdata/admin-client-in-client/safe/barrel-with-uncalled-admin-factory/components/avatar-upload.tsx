'use client'

import { supabase } from '@/lib/supabase'

export const AvatarUpload = () => <input type="file" onChange={(e) => supabase.storage.from('avatars').upload('me.png', e.target.files![0])} />
