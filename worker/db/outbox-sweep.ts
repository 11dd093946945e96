import { sql } from 'drizzle-orm'
import type { Db } from './client'

/** Round mail only: a sign-in link still queued after minutes has expired or been asked for again. */
const ROUND_MAIL = `kind IN ('invitation', 'reminder')`
const ROUND_OPEN = `EXISTS (SELECT 1 FROM assessments a WHERE a.id = outbox.batch_id AND a.org_id = outbox.org_id AND a.status = 'open')`

/**
 * Claims round mail still queued `attempts + 1` sweep intervals after it was written (so a row is
 * handed to the queue again at 10, 20, 30… minutes, never twice in one interval) and counts the
 * attempt, in one statement; returns the claimed ids. Only rows of rounds still open.
 */
export async function claimStaleOutbox(db: Db, now: number, intervalMs: number, maxAttempts: number, limit: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`
    UPDATE outbox SET attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox
      WHERE status = 'queued' AND created_at <= ${new Date(now - intervalMs).toISOString()} AND ${sql.raw(ROUND_MAIL)}
        AND attempts < ${maxAttempts}
        AND created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', ${now / 1000}, 'unixepoch', '-' || ((attempts + 1) * ${intervalMs / 1000}) || ' seconds')
        AND ${sql.raw(ROUND_OPEN)}
      LIMIT ${limit})
    RETURNING id`)
  return rows.map((r) => r.id)
}

/**
 * Gives up on round mail still queued after its last attempt had a whole interval to land, and on
 * queued round mail of rounds no longer open (an invitation to a closed survey helps nobody).
 * Returns how many rows were marked failed.
 */
export async function failStaleOutbox(db: Db, now: number, intervalMs: number, maxAttempts: number): Promise<number> {
  const result = await db.run(sql`
    UPDATE outbox SET status = 'failed'
    WHERE status = 'queued' AND created_at <= ${new Date(now - intervalMs).toISOString()} AND ${sql.raw(ROUND_MAIL)}
      AND (NOT ${sql.raw(ROUND_OPEN)}
        OR (attempts >= ${maxAttempts} AND created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', ${now / 1000}, 'unixepoch', '-' || ((attempts + 1) * ${intervalMs / 1000}) || ' seconds')))`)
  return result.meta.changes ?? 0
}
