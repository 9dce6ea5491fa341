export function report(err: unknown, ctx: { route: string; userId?: string }) {
  console.error(`[${ctx.route}] failed for ${ctx.userId ?? "anonymous"}`, err);
}
