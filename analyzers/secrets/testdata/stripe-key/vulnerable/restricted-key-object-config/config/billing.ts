export const billingConfig = {
  currency: 'usd',
  trialDays: 14,
  stripe: {
    // restricted key: read-only access to invoices for the dashboard
    restrictedKey: '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', // want secrets/stripe-key@critical
    portalConfigurationId: 'bpc_1OqXyZ2eZvKYlo2C8d9fGh7i',
  },
} as const
