import { auth } from '@/auth'
import { forbidden } from 'next/navigation'
export async function requireAdmin() {
  const session = await auth()
  if (session?.user?.role !== 'ADMIN') forbidden()
  return session!.user
}
