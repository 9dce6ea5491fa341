import { createClient } from '@supabase/supabase-js'

// an `authenticated` user token minted by the local test helper
const userJwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJhdXRoZW50aWNhdGVkIiwic3ViIjoiNWYwYzFlMmEtN2E4Yi00YzNkLTllMTAtMWYyYTNiNGM1ZDZlIiwicm9sZSI6ImF1dGhlbnRpY2F0ZWQiLCJleHAiOjE3MTgwMzg4MTR9.aBNHUI_37_OTZu8_4KdKBSieHwDUdu3cDniBn1rjqAs'

it('cannot read other tenants', async () => {
  const sb = createClient('http://127.0.0.1:54321', 'anon', { global: { headers: { Authorization: `Bearer ${userJwt}` } } })
  const { data } = await sb.from('invoices').select('*').eq('org_id', 'other')
  expect(data).toEqual([])
})
