export async function notifyOps(text: string) {
  await fetch('https://hooks.slack.com/services/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', { // want secrets/api-token
    method: 'POST',
    body: JSON.stringify({ text }),
  })
}
