import algoliasearch from 'algoliasearch'

const ALGOLIA_ADMIN_API_KEY = 'ieEJrrKuqwikYxAwHgYhL1X0lQ2ktFpJ' // want secrets/generic-secret
const client = algoliasearch('0LE5592BV4', ALGOLIA_ADMIN_API_KEY)
await client.initIndex('acme-docs').replaceAllObjects([])
