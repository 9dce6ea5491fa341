import { NextResponse } from 'next/server'
import { withAuth } from '@/lib/with-auth'
import { db } from '@/lib/db'

export const POST = withAuth(async (req, { user }) => {
  const { organizationId, ...input } = await req.json()
  const project = await db.project.create({
    data: { ...input, organizationId, createdById: user.id }, // want client-trust/owner-id-from-request
  })
  return NextResponse.json(project, { status: 201 })
})
