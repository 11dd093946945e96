import type { Bindings } from '../env'
import type { Db } from '../db/client'
import { createDb } from '../db/client'
import { findAssessment, listClosedRounds, listOverdueRounds, markClosed, type AssessmentRow } from '../db/assessments'
import { listSubmittedResponses } from '../db/responses'
import { listSnapshotChunks, saveResults } from '../db/results'
import { freezeAggregates, listAggregateRows, listUnfrozenClosedRounds } from '../db/aggregates'
import { findOrgById } from '../db/organisations'
import { decodeSnapshot, encodeSnapshot, formItemIds } from './snapshot'
import { aggregateFromRows, freezeToRows, storedResultsFrom } from './aggregates'
import { emitRoundEvent, RESULTS_STORED_HOOKS } from '../hooks'

/**
 * The freeze (model.md §4): reads a closed round's submitted responses once (the snapshot of a
 * round closed before aggregates existed, else the submitted rows), in the canonical sorted
 * order, and replaces every response row with the aggregates for threshold k in one batch.
 */
async function freezeRound(db: Db, round: AssessmentRow, k: number): Promise<void> {
  const ids = formItemIds(round.instrumentVersion, round.form)
  const legacy = await listSnapshotChunks(db, round.orgId, round.id)
  const chunks = legacy.length > 0 ? legacy : encodeSnapshot(round.instrumentVersion, round.form, await listSubmittedResponses(db, round.orgId, round.id))
  await freezeAggregates(db, round.orgId, round.id, freezeToRows(round.instrumentVersion, round.form, k, decodeSnapshot(chunks, ids)))
}

/** Stores a closed round's results for threshold k from its aggregates (freezing it first when
 *  it is not frozen yet: a close interrupted after its status flip, or a round closed earlier),
 *  without telling the hooks (the caller does, once). The aggregates are read back after the
 *  freeze, so a second freezer scores the first one's aggregates. */
async function storeResults(db: Db, round: AssessmentRow, k: number): Promise<void> {
  let rows = await listAggregateRows(db, round.orgId, round.id)
  if (rows.length === 0) {
    await freezeRound(db, round, k)
    rows = await listAggregateRows(db, round.orgId, round.id)
  }
  const agg = aggregateFromRows(rows)
  if (!agg) throw new Error(`round ${round.id} has no aggregates after its freeze`)
  await saveResults(db, round.orgId, [{ assessmentId: round.id, ...storedResultsFrom(round.instrumentVersion, round.form, agg, k) }])
}

/**
 * Closes an open round (at `closedAt`) and freezes it. The status flip comes first: from then on
 * no save or submit can land (they check the round in the same statement), so the responses the
 * freeze reads after it are final. Returns the round as it now is and whether this call closed it.
 */
export async function closeRound(db: Db, round: AssessmentRow, k: number, closedAt: string): Promise<{ round: AssessmentRow; closedNow: boolean }> {
  const closed = await markClosed(db, round.orgId, round.id, closedAt)
  if (!closed) return { round: (await findAssessment(db, round.orgId, round.id)) ?? round, closedNow: false }
  await refreshResults(db, closed, k)
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
export async function settleRound(db: Db, round: AssessmentRow, k: number, now = Date.now()): Promise<AssessmentRow> {
  if (!isOverdue(round, now)) return round
  return (await closeRound(db, round, k, new Date(Date.parse(round.closesAt!)).toISOString())).round
}

/** Stores a closed round's results for threshold k from its aggregates, freezing it first when
 *  needed, and tells the hooks (benchmark entries). */
export async function refreshResults(db: Db, round: AssessmentRow, k: number): Promise<void> {
  await storeResults(db, round, k)
  for (const hook of RESULTS_STORED_HOOKS) await hook(db, round.orgId)
}

/** Recomputes every closed round's stored results from its aggregates for a new threshold k; the
 *  hooks (benchmark entries) run once at the end, not once per round. */
export async function recomputeResults(db: Db, orgId: string, k: number): Promise<void> {
  for (const round of await listClosedRounds(db, orgId)) await storeResults(db, round, k)
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

/** The cron's freeze of closed rounds not frozen yet (closed before aggregates existed, or a close
 *  cut short), a few per run, so that no answer rows outlive their round's close for long. */
export async function freezeClosedRounds(env: Bindings): Promise<void> {
  const db = createDb(env.DB)
  for (const round of await listUnfrozenClosedRounds(db, 10)) {
    const org = await findOrgById(db, round.orgId)
    await refreshResults(db, round, org?.anonymityThreshold ?? 5)
  }
}
