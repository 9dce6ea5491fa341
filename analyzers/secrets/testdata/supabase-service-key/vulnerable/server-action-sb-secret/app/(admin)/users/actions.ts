'use server'

import { createClient } from '@supabase/supabase-js'
import { revalidatePath } from 'next/cache'

const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, 'sb_secret_HoObPtF0sWGqWdwBI1am7G_gMHwy6JK') // want secrets/supabase-service-key@critical

export async function banUser(userId: string) {
  await admin.auth.admin.updateUserById(userId, { ban_duration: '876000h' })
  revalidatePath('/admin/users')
}
