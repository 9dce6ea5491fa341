import { readFileSync } from 'node:fs'
const key = readFileSync(new URL('./fixtures/keys/rsa-test.pem', import.meta.url), 'utf8')
it('signs', () => expect(key).toContain('PRIVATE KEY'))
