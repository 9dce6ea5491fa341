import { POST } from "../app/api/webhooks/stripe/route";

test("ignores unknown events", async () => {
  const event = await new Request("http://x", { method: "POST", body: "{}" }).json();
  if (event.type === "checkout.session.completed") throw new Error("unexpected");
  expect(POST).toBeDefined();
});
