import { auth } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
import { db } from '../../../../lib/db'

export const GET = async (req: Request) => {
  const { userId } = await auth()
  if (!userId) return NextResponse.json({ error: 'unauthorized' }, { status: 401 })
  const { searchParams } = new URL(req.url)
  const orgId = searchParams.get('org')
  const reports = await db.report.findMany({
    where: { organizationId: orgId ?? undefined }, // want client-trust/owner-id-from-request
    orderBy: { createdAt: 'desc' },
  })
  return NextResponse.json(reports)
}
