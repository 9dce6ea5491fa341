import { NextResponse } from 'next/server'
import { prisma } from '@/lib/prisma'

export async function GET(req: Request) { // want auth-guard/check-removed@critical
  const ownerId = new URL(req.url).searchParams.get('ownerId') ?? undefined
  const projects = await prisma.project.findMany({ where: { ownerId } })
  return NextResponse.json(projects)
}
