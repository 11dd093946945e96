import type { Bindings } from '../env'
import type { Db } from '../db/client'
import { createDb } from '../db/client'
import { findAssessment, listClosedRounds, listOverdueRounds, markClosed, type AssessmentRow } from '../db/assessments'
import { listSubmittedResponses } from '../db/responses'
import { listSnapshotChunks, saveResults, saveSnapshotAndResults } from '../db/results'
import { findOrgById } from '../db/organisations'
import { computeStoredResults, decodeSnapshot, encodeSnapshot, formItemIds } from './snapshot'
import { emitRoundEvent, RESULTS_STORED_HOOKS } from '../hooks'
import { effectiveK } from '../domain'

/** The k that governs a round's results: the organisation's k `orgK`, never below the k in force
 *  when the round opened (model.md §4). Every reader of stored results compares against this. */
export function roundK(round: Pick<AssessmentRow, 'kAtOpen'>, orgK: number): number {
  return effectiveK(round.kAtOpen, orgK)
}

/**
 * Freezes a closed round: reads its submitted responses once (only submitted rows, through the
 * index), packs them into the snapshot and stores the scores beside it for the round's k (the
 * organisation's k `orgK`, floored by the k at opening).
 */
export async function freezeRound(db: Db, round: AssessmentRow, orgK: number): Promise<void> {
  const k = roundK(round, orgK)
  const rows = await listSubmittedResponses(db, round.orgId, round.id)
  const chunks = encodeSnapshot(round.instrumentVersion, round.form, rows)
  const stored = computeStoredResults(round.instrumentVersion, round.form, k, decodeSnapshot(chunks, formItemIds(round.instrumentVersion, round.form)))
  await saveSnapshotAndResults(db, round.orgId, round.id, chunks, stored)
  for (const hook of RESULTS_STORED_HOOKS) await hook(db, round.orgId)
}

/**
 * Closes an open round (at `closedAt`) and freezes it. The status flip comes first: from then on
 * no save or submit can land (they check the round in the same statement), so the snapshot read
 * after it is final. Returns the round as it now is and whether this call closed it.
 */
export async function closeRound(db: Db, round: AssessmentRow, orgK: number, closedAt: string): Promise<{ round: AssessmentRow; closedNow: boolean }> {
  const closed = await markClosed(db, round.orgId, round.id, closedAt)
  if (!closed) return { round: (await findAssessment(db, round.orgId, round.id)) ?? round, closedNow: false }
  await freezeRound(db, closed, orgK)
  // Whoever closed it (button, lazy read, cron), exactly one caller gets here per round.
  await emitRoundEvent(db, { type: 'assessment.closed', round: closed })
  return { round: closed, closedNow: true }
}

/** True when an open round's closing time has passed. */
export function isOverdue(round: AssessmentRow, now: number): boolean {
  return round.status === 'open' && !!round.closesAt && Date.parse(round.closesAt) <= now
}

/**
 * The lazy close: any read of a round whose closing time has passed closes it first, at that
 * closing time (saves were refused from then on anyway), so the cron is only a backstop.
 */
export async function settleRound(db: Db, round: AssessmentRow, orgK: number, now = Date.now()): Promise<AssessmentRow> {
  if (!isOverdue(round, now)) return round
  return (await closeRound(db, round, orgK, new Date(Date.parse(round.closesAt!)).toISOString())).round
}

/** Stores a closed round's results for its k under the organisation's k `orgK`: from its
 *  snapshot, or by freezing it now when a close was interrupted after its status flip. */
export async function refreshResults(db: Db, round: AssessmentRow, orgK: number): Promise<void> {
  await storeFromSnapshot(db, round, orgK)
  for (const hook of RESULTS_STORED_HOOKS) await hook(db, round.orgId)
}

/** The results of one round from its snapshot, without telling the hooks (the caller does, once). */
async function storeFromSnapshot(db: Db, round: AssessmentRow, orgK: number): Promise<void> {
  const chunks = await listSnapshotChunks(db, round.orgId, round.id)
  if (chunks.length === 0) return freezeRound(db, round, orgK)
  const k = roundK(round, orgK)
  const stored = computeStoredResults(round.instrumentVersion, round.form, k, decodeSnapshot(chunks, formItemIds(round.instrumentVersion, round.form)))
  await saveResults(db, round.orgId, [{ assessmentId: round.id, ...stored }])
}

/** Recomputes every closed round's stored results from its snapshot for a new organisation
 *  threshold (each round keeps its floor); the hooks (benchmark entries) run once at the end. */
export async function recomputeResults(db: Db, orgId: string, orgK: number): Promise<void> {
  for (const round of await listClosedRounds(db, orgId)) await storeFromSnapshot(db, round, orgK)
  for (const hook of RESULTS_STORED_HOOKS) await hook(db, orgId)
}

/** The cron backstop: closes open rounds whose closing time has passed, within a minute. */
export async function closeOverdueRounds(env: Bindings, now: number): Promise<void> {
  const db = createDb(env.DB)
  for (let pass = 0; pass < 50; pass++) {
    const due = await listOverdueRounds(db, new Date(now).toISOString())
    if (due.length === 0) return
    for (const round of due) {
      const org = await findOrgById(db, round.orgId)
      await settleRound(db, round, org?.anonymityThreshold ?? 5, now)
    }
  }
}
