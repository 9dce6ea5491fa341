export const readReplica = 'postgres://reader@replica.acme-internal.net:5432/acme?sslmode=verify-full'
export const docsUrl = 'https://user@github.com/acme/app'
export const pooler = 'postgresql://aws-0-us-east-1.pooler.supabase.com:6543/postgres'
