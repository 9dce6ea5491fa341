import stripe

stripe.api_key = "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"  # want secrets/stripe-key@critical


def sync():
    for invoice in stripe.Invoice.list(limit=100).auto_paging_iter():
        print(invoice.id)
