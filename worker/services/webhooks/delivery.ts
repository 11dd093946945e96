import type { Bindings } from '../../env'
import type { Db } from '../../db/client'
import { createDb } from '../../db/client'
import { claimDueDeliveries, findWebhooksByIds, purgeSettledDeliveries, settleDelivery, type DeliveryRow, type WebhookRow } from '../../db/webhooks'
import { decryptSecret } from '../../lib/crypto'
import { signWebhook } from './signing'
import { internalUrlReason } from '../../domain/internal-host'

const MIN = 60_000
/** Wait after the n-th failed attempt (Standard Webhooks' schedule, at the cron's minute grain). */
export const WEBHOOK_BACKOFF_MS = [1, 5, 30, 120, 300, 600, 600].map((m) => m * MIN)
/** Attempts before a delivery is given up: the first and one per backoff step (~28 hours in all). */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1
const TIMEOUT_MS = 10_000
const CONCURRENCY = 10
const PER_CLAIM = 100
const PASSES_PER_RUN = 3
/** A claim lasts longer than a claim's attempts can take (10 waves of at most 10 s). */
const LEASE_MS = 5 * MIN
const KEEP_SETTLED_MS = 30 * 24 * 60 * MIN

const iso = (ms: number) => new Date(ms).toISOString()

/** Sends one delivery, signed now; returns the HTTP status, or null when the endpoint was unreachable. */
async function send(hook: WebhookRow, secret: string, delivery: DeliveryRow): Promise<number | null> {
  const timestamp = Math.floor(Date.now() / 1000)
  try {
    const res = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Mognad-Webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': await signWebhook(secret, delivery.id, timestamp, delivery.body),
      },
      body: delivery.body,
      // A redirect is a failure (Standard Webhooks): following it would send the body elsewhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    await res.body?.cancel()
    return res.status
  } catch {
    return null
  }
}

/** One attempt and its outcome: delivered on 2xx, else due again after the backoff, or failed. */
async function attempt(env: Bindings, db: Db, delivery: DeliveryRow, hook: WebhookRow | undefined, secrets: Map<string, Promise<string>>): Promise<void> {
  const attempts = delivery.attempts + 1
  if (!hook) return settleDelivery(db, delivery.id, { status: 'failed', attempts, nextAttemptAt: iso(Date.now()), lastStatus: null })
  // Checked again at every delivery, never fetched: a URL stored before the rule stays refused.
  if (env.APP_ENV === 'production' && internalUrlReason(hook.url)) return settleDelivery(db, delivery.id, { status: 'failed', attempts, nextAttemptAt: iso(Date.now()), lastStatus: null })
  let secret = secrets.get(hook.id)
  if (!secret) secrets.set(hook.id, (secret = decryptSecret(env.DATA_KEY, hook.secretEnc)))
  const status = await send(hook, await secret, delivery)
  const now = Date.now()
  if (status !== null && status >= 200 && status < 300) return settleDelivery(db, delivery.id, { status: 'delivered', attempts, nextAttemptAt: iso(now), lastStatus: status })
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return settleDelivery(db, delivery.id, { status: 'failed', attempts, nextAttemptAt: iso(now), lastStatus: status })
  await settleDelivery(db, delivery.id, { status: 'pending', attempts, nextAttemptAt: iso(now + WEBHOOK_BACKOFF_MS[attempts - 1]), lastStatus: status })
}

/** Claims and attempts the deliveries due at `now` (or only `ids`); returns how many it tried. */
export async function deliverDue(env: Bindings, db: Db, now: number, ids?: string[]): Promise<number> {
  const claimed = await claimDueDeliveries(db, iso(now), iso(now + LEASE_MS), PER_CLAIM, ids)
  if (claimed.length === 0) return 0
  const hooks = new Map((await findWebhooksByIds(db, claimed.map((d) => d.webhookId))).map((h) => [h.id, h]))
  const secrets = new Map<string, Promise<string>>()
  for (let i = 0; i < claimed.length; i += CONCURRENCY)
    await Promise.all(claimed.slice(i, i + CONCURRENCY).map((d) => attempt(env, db, d, hooks.get(d.webhookId), secrets)))
  return claimed.length
}

/** The cron: first attempts not made at once, retries that fell due, and old settled rows. */
export async function deliverWebhooks(env: Bindings, now: number): Promise<void> {
  const db = createDb(env.DB)
  // Events raised earlier in this run (rounds the cron just closed) are stamped after its start.
  const at = Math.max(now, Date.now())
  for (let pass = 0; pass < PASSES_PER_RUN; pass++) if ((await deliverDue(env, db, at)) < PER_CLAIM) break
  await purgeSettledDeliveries(db, iso(at - KEEP_SETTLED_MS))
}
