package app

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"strings"
)

// Errors of webhook signature verification; none of them carries a secret.
var (
	ErrNoSignature  = errors.New("missing X-Hub-Signature-256 header")
	ErrBadSignature = errors.New("X-Hub-Signature-256 does not match the payload")
)

// VerifySignature checks a webhook body against its X-Hub-Signature-256
// header ("sha256=" and 64 hex digits) under any of the secrets, in constant
// time. Only SHA-256 is accepted: the legacy SHA-1 header is never looked at,
// and an empty secret never verifies anything.
func VerifySignature(secrets [][]byte, body []byte, header string) error {
	if header == "" {
		return ErrNoSignature
	}
	hexSig, ok := strings.CutPrefix(header, "sha256=")
	if !ok || len(hexSig) != 2*sha256.Size {
		return ErrBadSignature
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil {
		return ErrBadSignature
	}
	match := 0
	for _, s := range secrets {
		if len(s) == 0 {
			continue
		}
		m := hmac.New(sha256.New, s)
		m.Write(body)
		// Check every secret, so timing does not tell which one matched.
		match |= subtle.ConstantTimeCompare(m.Sum(nil), got)
	}
	if match != 1 {
		return ErrBadSignature
	}
	return nil
}

// Sign returns the X-Hub-Signature-256 header value for a body, as GitHub
// computes it (used by tests and the fake GitHub).
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}
