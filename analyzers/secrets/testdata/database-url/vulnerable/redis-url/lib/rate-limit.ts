import Redis from 'ioredis'

export const redis = new Redis('rediss://default:aQsbyCUuHMoveidQfscY@usw1-fine-cat-31234.upstash.io:6379') // want secrets/database-url
