type AppEvent = { type: "page.viewed" | "button.clicked"; payload: unknown };

export async function track(req: Request) {
  const event = (await req.json()) as AppEvent;
  if (event.type === "page.viewed") {
    console.log("view");
  }
  return new Response(null, { status: 204 });
}
