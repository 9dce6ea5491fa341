import os

DEBUG = os.getenv("DEBUG", "0") == "1"
ALLOWED_HOSTS = ["api.acme.dev"]

STRIPE_API_KEY = "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"  # want secrets/stripe-key@critical
STRIPE_PRICE_PRO = "price_1OqXyZ2eZvKYlo2C8d9fGh7i"
