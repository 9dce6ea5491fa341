export const track = (event: string) =>
  fetch('https://api.segment.io/v1/track', {
    method: 'POST',
    headers: { Authorization: `Basic ${btoa(process.env.SEGMENT_WRITE_KEY_SECRET + ':')}` }, // want privileged-key/server-secret-in-client
    body: JSON.stringify({ event }),
  })
