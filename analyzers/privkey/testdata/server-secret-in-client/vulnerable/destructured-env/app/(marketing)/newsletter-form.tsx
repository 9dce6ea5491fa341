'use client'

import { Resend } from 'resend'

const { RESEND_API_KEY } = process.env // want privileged-key/server-secret-in-client

export function NewsletterForm() {
  return <form action={async (fd) => { await new Resend(RESEND_API_KEY).contacts.create({ email: String(fd.get('email')), audienceId: 'aud_1' }) }}><input name="email" /></form>
}
