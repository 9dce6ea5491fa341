import { createClerkClient } from '@clerk/backend'

export const clerk = createClerkClient({ secretKey: 'sk_test_wyiQfPD8gaSF5Y6IY3Yv3Ji9rAafUdxL341NaDl2O8Jyq8Ep' }) // want secrets/api-token@medium
