import { headers } from 'next/headers'
import { prisma } from '@/lib/prisma'

export async function POST(req: Request) {
  const headerPayload = await headers()
  const svixId = headerPayload.get('svix-id')
  if (!svixId) {
    return new Response('Missing svix headers', { status: 400 })
  }

  const payload = await req.json() // want webhook/unverified-signature
  const { type, data } = payload

  if (type === 'user.created' || type === 'user.updated') {
    await prisma.user.upsert({
      where: { clerkId: data.id },
      create: { clerkId: data.id, email: data.email_addresses[0]?.email_address, role: data.public_metadata?.role ?? 'member' },
      update: { role: data.public_metadata?.role ?? 'member' },
    })
  }
  if (type === 'user.deleted') {
    await prisma.user.delete({ where: { clerkId: data.id } })
  }
  return new Response('ok')
}
