import sgMail from '@sendgrid/mail'
import { Resend } from 'resend'

sgMail.setApiKey('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') // want secrets/api-token
export const resend = new Resend('re_9Ya5Gryi_eGBtldPy9Pw5VVyZIyvHu6Ha') // want secrets/api-token
