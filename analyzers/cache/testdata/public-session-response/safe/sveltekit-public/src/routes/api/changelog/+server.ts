import { json } from "@sveltejs/kit";
import { entries } from "$lib/changelog";

export const GET = async ({ setHeaders }) => {
  setHeaders({ "cache-control": "public, max-age=300" });
  return json(await entries());
};
