export const SEED_USERS = [
  { email: 'admin@acme.test', password: 'Password#123', role: 'owner' },
  { email: 'member@acme.test', password: 'Password#123', role: 'member' },
]
