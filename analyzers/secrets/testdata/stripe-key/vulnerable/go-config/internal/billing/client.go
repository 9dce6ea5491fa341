package billing

import (
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/client"
)

const stripeKey = "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" // want secrets/stripe-key@critical

// New returns the Stripe API client used by the billing worker.
func New() *client.API {
	stripe.Key = stripeKey
	return client.New(stripeKey, nil)
}
