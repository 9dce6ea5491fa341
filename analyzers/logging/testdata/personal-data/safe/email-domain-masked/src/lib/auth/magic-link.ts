import { maskEmail } from "./mask";

export async function sendMagicLink(email: string) {
  console.info("magic link requested for domain", email.split("@")[1]);
  console.info("magic link requested", maskEmail(email));
}
