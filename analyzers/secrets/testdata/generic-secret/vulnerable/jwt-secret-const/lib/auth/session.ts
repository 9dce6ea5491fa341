import { SignJWT, jwtVerify } from 'jose'

const JWT_SECRET = 'UOypwf89GOe1zIpRcN4ZX1xSRzScDGaB60yXusJeVGhLlMug' // want secrets/generic-secret
const key = new TextEncoder().encode(JWT_SECRET)

export const sign = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('7d').sign(key)
export const verify = (token: string) => jwtVerify(token, key)
