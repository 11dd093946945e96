import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { devMailbox, outbox } from '../../schema/tables'
import type { Db } from './client'
import { chunk } from './client'

export type OutboxRow = typeof outbox.$inferSelect

/** Queues messages in the outbox (chunked under the parameter cap). */
export async function insertOutbox(db: Db, rows: (typeof outbox.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return
  const parts = chunk(rows, 9).map((part) => db.insert(outbox).values(part))
  await db.batch(parts as unknown as Parameters<typeof db.batch>[0])
}

export async function listOutboxByIds(db: Db, ids: string[]): Promise<OutboxRow[]> {
  const out: OutboxRow[] = []
  for (const part of chunk(ids, 90)) out.push(...(await db.select().from(outbox).where(inArray(outbox.id, part)).all()))
  return out
}

export async function markOutbox(db: Db, ids: string[], status: 'sent' | 'failed', now: string): Promise<void> {
  for (const part of chunk(ids, 90))
    await db.update(outbox).set({ status, sentAt: status === 'sent' ? now : null, attempts: sql`${outbox.attempts} + 1` }).where(inArray(outbox.id, part))
}

/** Removes outbox rows that will never be sent. */
export async function deleteOutbox(db: Db, ids: string[]): Promise<void> {
  for (const part of chunk(ids, 90)) await db.delete(outbox).where(inArray(outbox.id, part))
}

export async function insertDevMail(db: Db, rows: (typeof devMailbox.$inferInsert)[]): Promise<void> {
  const parts = chunk(rows, 15).map((part) => db.insert(devMailbox).values(part))
  if (parts.length) await db.batch(parts as unknown as Parameters<typeof db.batch>[0])
}

/** Up to 50 delivered development messages to an address, newest first. */
export async function listDevMail(db: Db, toEmail: string) {
  return db.select().from(devMailbox).where(eq(devMailbox.toEmail, toEmail.toLowerCase())).orderBy(desc(devMailbox.createdAt), desc(devMailbox.id)).limit(50).all()
}

/** Sending progress of one batch (e.g. a round's invitations). */
export async function countOutboxBatch(db: Db, orgId: string, batchId: string) {
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)` })
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.batchId, batchId)))
    .groupBy(outbox.status)
    .all()
  const counts = { queued: 0, sent: 0, failed: 0 }
  for (const r of rows) counts[r.status] = r.n
  return counts
}
