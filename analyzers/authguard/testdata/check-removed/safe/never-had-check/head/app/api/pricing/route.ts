import { prisma } from '../../../lib/prisma'
export async function GET() {
  const plans = await prisma.plan.findMany({ where: { public: true }, orderBy: { price: 'asc' } })
  return Response.json(plans)
}
