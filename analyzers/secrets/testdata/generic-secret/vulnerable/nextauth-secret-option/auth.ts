import NextAuth from 'next-auth'
import GitHub from 'next-auth/providers/github'

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: '9QAkHsDJ9nspZkQeYObuAdTGZp2v74rH8/XSX0zzg/c=', // want secrets/generic-secret
  providers: [
    GitHub({
      clientId: 'Iv1.8a61f9b3a7aba766',
      clientSecret: '5ff7eefe0bce01c8f25b44dc70c15993dc179e31', // want secrets/generic-secret
    }),
  ],
})
