import { sql } from '@vercel/postgres'
import { NextRequest, NextResponse } from 'next/server'
import { currentUser } from '@clerk/nextjs/server'

export async function GET(request: NextRequest) {
  const user = await currentUser()
  if (!user) return new NextResponse('Unauthorized', { status: 401 })
  const customerId = request.nextUrl.searchParams.get('customerId')
  const { rows } = await sql`
    SELECT id, amount, status FROM invoices
    WHERE customer_id = ${customerId} // want client-trust/owner-id-from-request
    ORDER BY created_at DESC`
  return NextResponse.json(rows)
}
