'use client'

import { resend } from '../lib/email' // want privileged-key/server-secret-in-client

export function InviteForm() {
  return <form action={async (fd) => { await resend.emails.send({ from: 'a@acme.dev', to: String(fd.get('to')), subject: 'Invite', html: '<p>Join</p>' }) }}><input name="to" /></form>
}
