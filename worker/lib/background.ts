import type { Context } from 'hono'

/** Runs work after the response when the runtime offers waitUntil, else awaits it. */
export async function later(c: Context, work: Promise<unknown>): Promise<void> {
  let ctx: { waitUntil(p: Promise<unknown>): void } | undefined
  try {
    ctx = c.executionCtx
  } catch {
    ctx = undefined
  }
  if (ctx) ctx.waitUntil(work.catch((err) => console.error(JSON.stringify({ background: String(err) }))))
  else await work
}
