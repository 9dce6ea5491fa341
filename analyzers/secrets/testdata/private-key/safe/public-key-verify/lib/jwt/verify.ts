import { importSPKI, jwtVerify } from 'jose'

const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
ZJ/nCdA2zx+OC38IWYKiRQ5Qx3LNDn10IWHTlqvdcdUvygXiF+wZaXBP3rYlnJAL
59ZPLSFV/7or5hPJFF7wisLUzsnDytIqXp49OhgBuaF1NUokikvcJJqStuHWZTYk
Q09CPpujFOjTJAoexpLPs9DLpOxIgughKcNIZPngKq+SpjB7BEpc+Ztt
-----END PUBLIC KEY-----`

export async function verify(token: string) {
  return jwtVerify(token, await importSPKI(PUBLIC_KEY, 'ES256'))
}
