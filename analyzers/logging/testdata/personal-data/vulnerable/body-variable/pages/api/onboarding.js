import { prisma } from '../../lib/prisma';

export default async function handler(req, res) {
  const body = req.body;
  console.log('onboarding payload', body); // want logging/personal-data
  await prisma.profile.update({ where: { id: body.profileId }, data: { company: body.company, phone: body.phone } });
  res.status(200).json({ ok: true });
}
