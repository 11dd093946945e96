import type { Db } from '../../db/client'
import type { OrgRow } from '../../db/organisations'
import type { AssessmentRow } from '../../db/assessments'
import { findResults, type ResultsRow } from '../../db/results'
import { ApiError } from '../../errors'
import type { ScoreSet } from '../../domain'
import { refreshResults, roundK } from '../rounds/lifecycle'

export type ResultsReason = 'not_closed' | 'below_threshold' | 'not_sharing'

const TEXTS: Record<ResultsReason, { sv: string; en: string }> = {
  not_closed: { sv: 'Resultat finns först när omgången är stängd.', en: 'Results exist only once the round is closed.' },
  below_threshold: { sv: 'För få svar för att visa resultat utan att röja enskilda.', en: 'Too few responses to show results without revealing individuals.' },
  not_sharing: {
    sv: 'Jämförelsen visas bara för organisationer som själva delar sina resultat.',
    en: 'The benchmark is shown only to organisations that share their own results.',
  },
}

/** The 412 of results, their CSV export and the benchmark, with its reason. */
export const preconditionFailed = (reason: ResultsReason) => new ApiError('PRECONDITION_FAILED', TEXTS[reason], { reason })

/**
 * The stored results row of a closed round at its k (the organisation's, floored at opening). Self-healing as in
 * the results route: a close interrupted after its status flip, or a threshold change whose
 * recompute failed, is repaired from the kept bodies first (rare; the common case is one read).
 */
export async function currentResults(db: Db, org: OrgRow, round: AssessmentRow): Promise<ResultsRow | undefined> {
  if (round.status !== 'closed') return undefined
  const stored = await findResults(db, org.id, round.id)
  if (stored && stored.k === roundK(round, org.anonymityThreshold)) return stored
  await refreshResults(db, round, org.anonymityThreshold)
  return findResults(db, org.id, round.id)
}

/** The scores of a closed round with results, or the 412 that applies (not_closed, below_threshold). */
export async function requireResults(db: Db, org: OrgRow, round: AssessmentRow): Promise<ScoreSet & { instrumentVersion: string }> {
  if (round.status !== 'closed') throw preconditionFailed('not_closed')
  const stored = await currentResults(db, org, round)
  if (!stored?.body) throw preconditionFailed('below_threshold')
  return (JSON.parse(stored.body) as { results: ScoreSet & { instrumentVersion: string } }).results
}
