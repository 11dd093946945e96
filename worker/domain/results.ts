/** The full results of a closed round (the results row of docs/api.md, without breakdown). */
import type { Form } from '../../schema/enums'
import type { Instrument } from '../../schema/instruments'
import { dontKnowFromCounts } from './dont-know'
import { formLayout, type FormLayout } from './layout'
import { balanceFlags, balanceIndex, strengthsAndWeaknesses } from './profile'
import { isBorderline, quadrantType } from './quadrants'
import { scanResponses, scoreSetFromMatrix } from './scoring'
import type { RoundResults, Score, AnyResponse } from './types'

/** Lowest allowed anonymity threshold (§4); the default is 5. */
export const MIN_K = 3
export const DEFAULT_K = 5
export const MAX_K = 50

/** Whether results exist: only with at least k submitted responses (else the API answers 412
 *  below_threshold), because fewer could identify individual respondents. */
export function hasResults(submittedCount: number, k: number): boolean {
  return submittedCount >= Math.max(MIN_K, k)
}

function byId(scores: readonly Score[], id: string): Score {
  const s = scores.find((x) => x.id === id)
  if (!s) throw new Error(`instrument has no level ${id}`)
  return s
}

/** Results for the SUBMITTED responses of a round with threshold k (caller checks hasResults);
 *  k below 3 is raised to 3 because the model never allows less. Balance uses categories INN and
 *  EFF and typing uses dimensions DF and DA, as named in the instrument. */
export function scoreRound(
  instrument: Instrument,
  form: Form,
  k: number,
  responses: readonly AnyResponse[],
): RoundResults {
  const layout = formLayout(instrument, form)
  return resultsFromScan(instrument, layout, scanResponses(layout, responses), responses.length, Math.max(MIN_K, k))
}

/** scoreRound over one scan of R responses (the scan is shared with the breakdowns). */
export function resultsFromScan(
  instrument: Instrument,
  layout: FormLayout,
  scan: { matrix: Float64Array; dontKnowCounts: Int32Array },
  R: number,
  k: number,
): RoundResults {
  const set = scoreSetFromMatrix(layout, scan.matrix, R, k)
  const capability = byId(set.dimensions, 'DF')
  const legacy = byId(set.dimensions, 'DA')
  const balance = balanceIndex(byId(set.categories, 'INN').percent, byId(set.categories, 'EFF').percent)
  return {
    instrumentVersion: instrument.version,
    n: set.n,
    overall: set.overall,
    dimensions: set.dimensions,
    categories: set.categories,
    factors: set.factors,
    type: quadrantType(capability.percent, legacy.percent),
    borderline: isBorderline(capability, legacy),
    balance,
    flags: balanceFlags(balance),
    ...strengthsAndWeaknesses(set.factors),
    ...dontKnowFromCounts(layout, scan.dontKnowCounts, R),
  }
}
