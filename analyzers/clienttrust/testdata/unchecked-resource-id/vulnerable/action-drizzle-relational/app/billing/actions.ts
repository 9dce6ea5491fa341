'use server'

import { eq } from 'drizzle-orm'
import { currentUser } from '@clerk/nextjs/server'
import { db } from '../../db'
import { invoices } from '../../db/schema'

export async function getInvoice(id: string) {
  const user = await currentUser()
  if (!user) throw new Error('Unauthorized')
  const invoice = await db.query.invoices.findFirst({ where: eq(invoices.id, id) }) // want client-trust/unchecked-resource-id
  return invoice
}
