import { POST } from './route'

const secret = 'whsec_pUWnoVPDF2yeE6RsXcNOPmeMjvqPVStN'

it('rejects bad signatures', async () => {
  expect(await POST(new Request('http://x', { method: 'POST', body: '{}' }))).toBeDefined()
})
