import { and, asc, desc, eq, inArray, lt, lte, ne, or } from 'drizzle-orm'
import { webhookDeliveries, webhooks } from '../../schema/tables'
import type { Db } from './client'
import { chunk } from './client'

export type WebhookRow = typeof webhooks.$inferSelect
export type DeliveryRow = typeof webhookDeliveries.$inferSelect

export async function insertWebhook(db: Db, row: typeof webhooks.$inferInsert): Promise<WebhookRow> {
  return db.insert(webhooks).values(row).returning().get()
}

/** A page of the organisation's webhooks, newest first (createdAt, then id). */
export async function listWebhooks(db: Db, orgId: string, limit: number, after?: { createdAt: string; id: string }): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhooks)
    .where(
      and(
        eq(webhooks.orgId, orgId),
        after ? or(lt(webhooks.createdAt, after.createdAt), and(eq(webhooks.createdAt, after.createdAt), lt(webhooks.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
    .limit(limit + 1)
    .all()
}

/** Every webhook of the organisation (an organisation has a handful): the event fan-out. */
export async function listOrgWebhooks(db: Db, orgId: string): Promise<WebhookRow[]> {
  return db.select().from(webhooks).where(eq(webhooks.orgId, orgId)).all()
}

/** Deletes a webhook and the deliveries still waiting for it; false when it is not there. */
export async function deleteWebhook(db: Db, orgId: string, id: string): Promise<boolean> {
  const [gone] = await db.batch([
    db.delete(webhooks).where(and(eq(webhooks.orgId, orgId), eq(webhooks.id, id))).returning({ id: webhooks.id }),
    db.delete(webhookDeliveries).where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.webhookId, id))),
  ])
  return gone.length > 0
}

export async function insertDeliveries(db: Db, rows: (typeof webhookDeliveries.$inferInsert)[]): Promise<void> {
  for (const part of chunk(rows, 10)) await db.insert(webhookDeliveries).values(part)
}

/**
 * Claims pending deliveries due at `now` (all due ones, or only `ids`) by moving their due time to
 * `leaseUntil` in one statement: of two runners (the request that raised the event, the cron) only
 * one gets a row, and a runner that dies mid-way leaves the row due again after the lease.
 */
export async function claimDueDeliveries(db: Db, now: string, leaseUntil: string, limit: number, ids?: string[]): Promise<DeliveryRow[]> {
  const due = and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), ids ? inArray(webhookDeliveries.id, ids) : undefined)
  const pick = db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(due).orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id)).limit(limit)
  return db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: leaseUntil })
    .where(and(inArray(webhookDeliveries.id, pick), due))
    .returning()
    .all()
}

/** The endpoints of claimed deliveries (across organisations: the cron serves them all). */
export async function findWebhooksByIds(db: Db, ids: string[]): Promise<WebhookRow[]> {
  const out: WebhookRow[] = []
  for (const part of chunk([...new Set(ids)], 90)) out.push(...(await db.select().from(webhooks).where(inArray(webhooks.id, part)).all()))
  return out
}

/** Records an attempt's outcome: delivered, failed for good, or pending again at `nextAttemptAt`. */
export async function settleDelivery(db: Db, id: string, set: { status: DeliveryRow['status']; attempts: number; nextAttemptAt: string; lastStatus: number | null }): Promise<void> {
  await db.update(webhookDeliveries).set(set).where(eq(webhookDeliveries.id, id))
}

/** Forgets settled deliveries older than `before` (they are kept a while for inspection only). */
export async function purgeSettledDeliveries(db: Db, before: string): Promise<void> {
  await db.delete(webhookDeliveries).where(and(ne(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.nextAttemptAt, before)))
}
