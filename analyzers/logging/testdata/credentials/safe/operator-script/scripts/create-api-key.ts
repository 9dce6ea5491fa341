import { randomBytes } from "node:crypto";
import { db } from "../lib/db";

async function main() {
  const apiKey = "lg_" + randomBytes(24).toString("hex");
  await db.apiKey.create({ data: { hash: apiKey } });
  console.log("Your new API key (shown once):", apiKey);
}
main();
