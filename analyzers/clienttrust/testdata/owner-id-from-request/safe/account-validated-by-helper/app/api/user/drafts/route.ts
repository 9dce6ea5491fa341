import { NextRequest, NextResponse } from 'next/server'
import { auth } from '../../../../auth'
import prisma from '../../../../utils/prisma'
import { getEmailAccount } from '../../../../utils/account'

export async function GET(request: NextRequest) {
  const session = await auth()
  if (!session?.user?.id) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const emailAccountId = request.nextUrl.searchParams.get('emailAccountId')!
  const email = await getEmailAccount({ userId: session.user.id, emailAccountId })
  if (!email) return NextResponse.json({ error: 'Invalid account ID' }, { status: 403 })
  const drafts = await prisma.draft.findMany({ where: { emailAccountId } })
  const draftId = request.nextUrl.searchParams.get('draftId')
  const current = draftId ? await prisma.draft.findFirst({ where: { id: draftId, emailAccountId } }) : null
  return NextResponse.json({ drafts, current })
}
