#!/usr/bin/env bash
# stripe listen prints: Ready! Your webhook signing secret is whsec_<redacted>
stripe listen --forward-to localhost:3000/api/webhooks/stripe
