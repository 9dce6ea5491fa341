import stripe
from fastapi import APIRouter, Request, HTTPException

router = APIRouter()
STRIPE_WEBHOOK_SECRET = 'whsec_yNwzgKs5I4Fz8UDjzpfOO2wvceHbpC3A'  # want secrets/stripe-webhook-secret


@router.post("/webhooks/stripe")
async def stripe_webhook(request: Request):
    payload = await request.body()
    sig = request.headers.get("stripe-signature")
    try:
        event = stripe.Webhook.construct_event(payload, sig, STRIPE_WEBHOOK_SECRET)
    except stripe.error.SignatureVerificationError:
        raise HTTPException(status_code=400)
    return {"ok": True, "type": event["type"]}
