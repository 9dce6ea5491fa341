import { sign, verify } from '@/lib/auth/session'

const jwtSecret = 'p33InibLtz9VcriumtyPDDr5gbPMWm2AVklXBTVDLHyPjOxl'
process.env.JWT_SECRET = jwtSecret

it('round-trips', async () => {
  const token = await sign('user_1')
  expect((await verify(token)).payload.sub).toBe('user_1')
})
