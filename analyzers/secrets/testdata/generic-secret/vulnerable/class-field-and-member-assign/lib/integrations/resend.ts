export class Mailer {
  private readonly apiKey = 're_tLs894YF57nSB9y9VqqeKux0' // want secrets/generic-secret
  private from = 'Acme <hello@acme.dev>'

  async send(to: string, subject: string, html: string) {
    return fetch('https://api.resend.com/emails', {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: this.from, to, subject, html }),
    })
  }
}

const cfg: Record<string, string> = {}
cfg.webhookSigningSecret = 'zKrChS8R0mtJ6Bz6YlSmEw9KUiR7synr' // want secrets/generic-secret
