import Redis from 'ioredis'

const host = 'eu1-sharp-gnat-38412.upstash.io'
export const redis = new Redis(`rediss://default:31LgwA7xfMLFIurD1pe0@eu1-sharp-gnat-38412.upstash.io:6379`) // want secrets/database-url
export const rateLimitHost = host
