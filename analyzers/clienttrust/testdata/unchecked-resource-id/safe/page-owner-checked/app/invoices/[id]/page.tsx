import { notFound } from 'next/navigation'
import { getCurrentUser } from '@/lib/session'
import { prisma } from '@/lib/prisma'

export default async function InvoicePage({ params }: { params: { id: string } }) {
  const user = await getCurrentUser()
  const invoice = await prisma.invoice.findUnique({ where: { id: params.id } })
  if (!invoice || invoice.customerId !== user.id) notFound()
  return <div>{invoice.total}</div>
}
