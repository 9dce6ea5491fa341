export const STRIPE_KEY_FORMAT = 'sk_live_...'
