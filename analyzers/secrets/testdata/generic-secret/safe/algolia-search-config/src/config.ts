// DocSearch: the search-only key is meant for the browser
export const ALGOLIA = {
  indexName: 'acme-docs',
  appId: '0LE5592BV4',
  apiKey: '02b51646c2542ac8c906262f15f5b557bb1f43f8',
}
