import type { Db } from '../../db/client'
import type { RoundEvent } from '../../hooks'
import { findOrgById } from '../../db/organisations'
import { insertDeliveries, listOrgWebhooks } from '../../db/webhooks'
import { newId } from '../../lib/crypto'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * When a delivery is first due. A response.submitted delivery waits for the next UTC midnight:
 * sent at once, its webhook-timestamp header (and its arrival) would tell when someone submitted
 * to the second, and the respondent list tells who flipped to submitted; the rule is never a
 * time finer than the day. The round events carry no one's time and go at once.
 */
export function firstDueAt(type: RoundEvent['type'], now: number): number {
  return type === 'response.submitted' ? Math.floor(now / DAY_MS) * DAY_MS + DAY_MS : now
}

/**
 * Deliveries a request raised that are due at once, by the request's database handle; wiring.ts
 * takes them after the response.
 */
export const dueByDb = new WeakMap<Db, string[]>()

/**
 * Fans a round event out to the organisation's webhooks that subscribe to it: one stored delivery
 * per endpoint, the body fixed now (organisation and round ids, names and status, today's date),
 * so retries resend the same bytes. Nothing about any respondent is in it.
 */
export async function onRoundEvent(db: Db, event: RoundEvent): Promise<void> {
  const hooks = (await listOrgWebhooks(db, event.round.orgId)).filter((h) => h.events.includes(event.type))
  if (hooks.length === 0) return
  const org = await findOrgById(db, event.round.orgId)
  if (!org) return
  const now = Date.now()
  const body = JSON.stringify({
    type: event.type,
    timestamp: new Date(now).toISOString().slice(0, 10),
    data: { organisation: { id: org.id, slug: org.slug }, assessment: { id: event.round.id, name: event.round.name, status: event.round.status } },
  })
  const due = firstDueAt(event.type, now)
  const rows = hooks.map((h) => ({ id: newId('msg'), orgId: org.id, webhookId: h.id, eventType: event.type, body, nextAttemptAt: new Date(due).toISOString() }))
  await insertDeliveries(db, rows)
  if (due <= now) dueByDb.set(db, [...(dueByDb.get(db) ?? []), ...rows.map((r) => r.id)])
}
