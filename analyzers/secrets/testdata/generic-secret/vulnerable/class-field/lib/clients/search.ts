export class SearchClient {
  private apiKey = 'xNDi9LE1Ki3ylOjt6o0NpUmkVO8JmR8y' // want secrets/generic-secret

  async query(q: string) {
    return fetch(`https://search.internal/api?q=${q}`, { headers: { 'x-api-key': this.apiKey } })
  }
}
