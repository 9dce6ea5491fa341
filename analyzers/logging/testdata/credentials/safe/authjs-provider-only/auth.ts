import NextAuth from "next-auth";
import Google from "next-auth/providers/google";

export const { handlers, auth } = NextAuth({
  providers: [Google],
  callbacks: {
    async signIn({ user, account }) {
      console.log("signIn", user.id, "via", account?.provider, account?.type);
      return true;
    },
  },
});
