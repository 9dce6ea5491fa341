import { handler } from '../app/api/webhooks/route'

const stripeKey = 'sk_test_51ZqfM2oeq3hDavJA76rNicHTp8hkqdlm7tOtHWnsCGRlrwZbqcabUGJmGEp7CgQ0PBQFI14zGtSnovm14TUOizwd1iaeOV4qBk'

test('handles checkout.session.completed', async () => {
  expect(await handler(stripeKey)).toBeDefined()
})
