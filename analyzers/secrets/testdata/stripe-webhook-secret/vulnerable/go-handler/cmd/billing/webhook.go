package main

import (
	"io"
	"net/http"

	"github.com/stripe/stripe-go/v76/webhook"
)

func handleWebhook(w http.ResponseWriter, r *http.Request) {
	payload, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, 65536))
	secret := "whsec_kfxRhDAULF9CzlHxySdGLb0R2hzK5f2S" // want secrets/stripe-webhook-secret
	event, err := webhook.ConstructEvent(payload, r.Header.Get("Stripe-Signature"), secret)
	if err != nil {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	_ = event
}
