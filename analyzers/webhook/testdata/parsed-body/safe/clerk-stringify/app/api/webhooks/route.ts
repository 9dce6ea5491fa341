import { Webhook } from 'svix'
import type { WebhookEvent } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const payload = await req.json()
  const body = JSON.stringify(payload)
  const evt = new Webhook(process.env.CLERK_WEBHOOK_SECRET!).verify(body, {
    'svix-id': req.headers.get('svix-id')!,
    'svix-timestamp': req.headers.get('svix-timestamp')!,
    'svix-signature': req.headers.get('svix-signature')!,
  }) as WebhookEvent
  return new Response(evt.type)
}
