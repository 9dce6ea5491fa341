export const authConfig = {
  providers: ['github'],
  clientId: 'Iv1.8a61f9b3a7aba766',
  clientSecret: '0211670eae679f02e8d28a79023c39c200661fcc', // want secrets/generic-secret
}
