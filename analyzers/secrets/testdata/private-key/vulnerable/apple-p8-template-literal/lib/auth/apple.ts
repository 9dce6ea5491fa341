import { SignJWT, importPKCS8 } from 'jose'

const APPLE_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
b2SVo/B9cis8i5xK5M5KGWiJ+E4eXZszDC4j3fhFE5XMPCIIREnwE4d+lHKUZCf2
r71DVd827BvGCReMFvOQIe2pjyIEM4mOFb2cQZw6diFiDanG1KzrkpjPed4IDLER
tf1t6/3AkAIj7MelPvFo6ZbcY5xLGCuhnqMUGCqMIwBGQYQMrs0o8fan
-----END PRIVATE KEY-----`

export async function appleClientSecret() {
  const key = await importPKCS8(APPLE_PRIVATE_KEY, 'ES256')
  return new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'ABC123DEFG' }).setIssuer('TEAM123456').sign(key)
}
