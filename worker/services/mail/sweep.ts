import type { Bindings } from '../../env'
import { createDb } from '../../db/client'
import { claimStaleOutbox, failStaleOutbox } from '../../db/outbox-sweep'
import { dispatchOutbox } from './queue'

/** Round mail still queued this long after it was written is handed to the queue again. */
export const OUTBOX_SWEEP_INTERVAL_MS = 10 * 60 * 1000
/** Hand-overs before a row is given up (marked failed). */
export const OUTBOX_MAX_ATTEMPTS = 5
const ROWS_PER_RUN = 1000

/**
 * The cron's safety net for invitations and reminders: the request that wrote the outbox rows
 * may have failed to send them to the queue (or the queue gave up on a message), which would
 * leave respondents uninvited without anyone noticing. Each row is re-queued at 10, 20, … 50
 * minutes and marked failed once its fifth hand-over has had 10 minutes to land; the consumer
 * skips rows already sent, so a late original delivery and a re-queue never send twice.
 */
export async function sweepOutbox(env: Bindings, now: number): Promise<void> {
  const db = createDb(env.DB)
  await failStaleOutbox(db, now, OUTBOX_SWEEP_INTERVAL_MS, OUTBOX_MAX_ATTEMPTS)
  const ids = await claimStaleOutbox(db, now, OUTBOX_SWEEP_INTERVAL_MS, OUTBOX_MAX_ATTEMPTS, ROWS_PER_RUN)
  await dispatchOutbox(env, db, ids)
}
