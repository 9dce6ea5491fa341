const HEADER = '-----BEGIN PRIVATE KEY-----'
const FOOTER = '-----END PRIVATE KEY-----'

/** Accepts a PKCS#8 key such as "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----". */
export function isPkcs8(pem: string) {
  return pem.trim().startsWith(HEADER) && pem.trim().endsWith(FOOTER)
}
