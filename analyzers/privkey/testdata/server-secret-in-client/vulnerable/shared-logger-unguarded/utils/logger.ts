export function createScopedLogger(scope: string) {
  const token = process.env.AXIOM_TOKEN // want privileged-key/server-secret-in-client
  return { info: (msg: string) => fetch('https://api.axiom.co/v1/ingest', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ scope, msg }) }) }
}
