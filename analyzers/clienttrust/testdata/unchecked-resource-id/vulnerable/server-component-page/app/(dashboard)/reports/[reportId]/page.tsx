import { notFound, redirect } from 'next/navigation'
import { auth } from '@/auth'
import { prisma } from '@/lib/prisma'

export default async function ReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const session = await auth()
  if (!session) redirect('/login')
  const { reportId } = await params
  const report = await prisma.report.findUnique({ where: { id: reportId } }) // want client-trust/unchecked-resource-id
  if (!report) notFound()
  return <article><h1>{report.title}</h1><pre>{report.body}</pre></article>
}
