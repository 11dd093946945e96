import type { Bindings } from '../../env'
import type { Db } from '../../db/client'
import { createDb } from '../../db/client'
import { findAssessment, listClosedRounds, listOverdueRounds, markClosed, type AssessmentRow } from '../../db/assessments'
import { listSubmittedResponses } from '../../db/responses'
import { listSnapshotChunks, saveResults } from '../../db/results'
import { keepAndForget, listClosedRoundsNotKept, listKept } from '../../db/kept-results'
import { findOrgById } from '../../db/organisations'
import { decodeSnapshot, encodeSnapshot, formItemIds } from '../../domain/snapshot'
import { keepResults, resultsAt } from '../../domain/kept-results'
import { emitRoundEvent, RESULTS_STORED_HOOKS } from '../../hooks'
import { effectiveK } from '../../domain'

/** The k that governs a round's results: the organisation's k `orgK`, never below the k in force
 *  when the round opened nor, once it closed, the k it was published with at close (model.md §4).
 *  Every reader of stored results compares against this. */
export function roundK(round: Pick<AssessmentRow, 'kAtOpen' | 'kAtClose'>, orgK: number): number {
  return effectiveK(Math.max(round.kAtOpen ?? 0, round.kAtClose ?? 0), orgK)
}

/**
 * The close's storage step (model.md §4): reads a closed round's submitted responses once (the
 * snapshot of a round closed before results were kept, else the submitted rows, in the
 * snapshot's sorted order), keeps its published body for every k from its k now up to MAX_K,
 * and deletes every answer row of the round in the same batch.
 */
async function keepRound(db: Db, round: AssessmentRow, orgK: number): Promise<void> {
  const k = roundK(round, orgK)
  const legacy = await listSnapshotChunks(db, round.orgId, round.id)
  const chunks = legacy.length > 0 ? legacy : encodeSnapshot(round.instrumentVersion, round.form, await listSubmittedResponses(db, round.orgId, round.id))
  const responses = decodeSnapshot(chunks, formItemIds(round.instrumentVersion, round.form))
  await keepAndForget(db, round.orgId, round.id, k, keepResults(round.instrumentVersion, round.form, k, responses))
}

/** Stores a closed round's results for the organisation's k `orgK` from its kept bodies (keeping
 *  them first when the close was interrupted after its status flip, or the round closed before
 *  they were kept), without telling the hooks (the caller does, once). The kept bodies and the
 *  k at close are read back after keeping, so a second writer uses the first one's. */
async function storeResults(db: Db, round: AssessmentRow, orgK: number): Promise<void> {
  let kept = await listKept(db, round.orgId, round.id)
  if (kept.length === 0) {
    await keepRound(db, round, orgK)
    kept = await listKept(db, round.orgId, round.id)
    round = (await findAssessment(db, round.orgId, round.id)) ?? round
  }
  const stored = resultsAt(kept, roundK(round, orgK))
  if (!stored) throw new Error(`round ${round.id} has no kept results after its close`)
  await saveResults(db, round.orgId, [{ assessmentId: round.id, ...stored }])
}

/**
 * Closes an open round (at `closedAt`), keeps its results and deletes its answers. The status
 * flip comes first: from then on no save or submit can land (they check the round in the same
 * statement), so the responses read after it are final. Returns the round as it now is and whether this call closed it.
 */
export async function closeRound(db: Db, round: AssessmentRow, orgK: number, closedAt: string): Promise<{ round: AssessmentRow; closedNow: boolean }> {
  const closed = await markClosed(db, round.orgId, round.id, closedAt)
  if (!closed) return { round: (await findAssessment(db, round.orgId, round.id)) ?? round, closedNow: false }
  await refreshResults(db, closed, orgK)
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

/** Stores a closed round's results for the organisation's k `orgK` from its kept bodies (keeping
 *  them first when needed) and tells the hooks (benchmark entries). */
export async function refreshResults(db: Db, round: AssessmentRow, orgK: number): Promise<void> {
  await storeResults(db, round, orgK)
  for (const hook of RESULTS_STORED_HOOKS) await hook(db, round.orgId)
}

/** Stores every closed round's results from its kept bodies for a new organisation threshold
 *  (each round keeps its floor); the hooks (benchmark entries) run once at the end. */
export async function recomputeResults(db: Db, orgId: string, orgK: number): Promise<void> {
  for (const round of await listClosedRounds(db, orgId)) await storeResults(db, round, orgK)
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

/** The cron's pass over closed rounds whose results are not kept yet (closed before they were,
 *  or a close cut short), a few per run, so that no answer rows outlive their round's close. */
export async function keepClosedRounds(env: Bindings): Promise<void> {
  const db = createDb(env.DB)
  for (const round of await listClosedRoundsNotKept(db, 10)) {
    const org = await findOrgById(db, round.orgId)
    await refreshResults(db, round, org?.anonymityThreshold ?? 5)
  }
}
