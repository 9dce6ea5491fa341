export { formatPrice, createCheckoutSession } from './billing'
