/**
 * What a closed round keeps of its answers once they are deleted at the freeze (docs/model.md §4):
 * aggregates per set of respondents (the round, and each breakdown group shown at close) from
 * which every documented result is recomputed exactly, for the threshold at close and any higher
 * one. Nothing here describes fewer than k respondents: a factor below k keeps only its count, a
 * group hidden at close keeps only its id.
 */
import type { Form } from '../../schema/enums'
import type { Instrument } from '../../schema/instruments'
import { hiddenGroups } from './anonymity'
import { partitionResponses, type BreakdownBy } from './breakdown'
import { formLayout, type FormLayout } from './layout'
import { hasResults, MAX_K, MIN_K, roundResults } from './results'
import { scanResponses, scoreSetFromMatrix } from './scoring'
import { intervalFromSd, sampleSd } from './stats'
import type { AnyResponse, Group, RoundResults, Score, ScoreSet } from './types'

export const BREAKDOWNS: readonly BreakdownBy[] = ['role', 'unit']

/** One factor over one set: its qualifying respondents' count and don't-know answers always;
 *  the sum, sum of squares and sample deviation (in percent) of their factor scores only when the
 *  factor could be shown at close (n ≥ k), since below k it stays suppressed for good. */
export interface FactorAggregate {
  n: number
  dontKnow: number
  sum: number | null
  sumSq: number | null
  sd: number | null
}

/**
 * Category, dimension and overall scores for the thresholds from `from` up to the next class. They
 * are stored as scores because their respondent-level part (a respondent's mean over the shown
 * factors of a category) depends on which factors k suppresses, which no sum can recover; that
 * set changes only where k passes a factor's n, so a set has at most one class per factor.
 */
export interface LevelClass {
  from: number
  categories: Score[]
  dimensions: Score[]
  overall: Score
}

/** The aggregates of one set of submitted responses. */
export interface SetAggregate {
  n: number
  factors: FactorAggregate[]
  levels: LevelClass[]
}

/** A breakdown group as frozen: hidden at close (id only), or shown with its aggregates and the
 *  lowest threshold at which the show rule hides it (null: never up to MAX_K). */
export type GroupAggregate = { id: string; hidden: true } | { id: string; hiddenFrom: number | null; aggregate: SetAggregate }

/** What the freeze keeps of a round; `round` is null when it had no results at close. */
export interface RoundAggregate {
  k: number
  n: number
  round: SetAggregate | null
  dontKnowItems: number[]
  breakdowns: Record<BreakdownBy, GroupAggregate[]>
}

/** Per factor of one set; `shown` says which factor cells the set publishes at close. */
function factorAggregates(layout: FormLayout, matrix: Float64Array, dontKnowCounts: Int32Array, R: number, shown: readonly Score[]): FactorAggregate[] {
  const F = layout.factors.length
  const out: FactorAggregate[] = []
  let item = 0
  for (let f = 0; f < F; f++) {
    let dontKnow = 0
    for (let i = 0; i < layout.factors[f].itemIds.length; i++) dontKnow += dontKnowCounts[item++]
    const values: number[] = []
    for (let r = 0; r < R; r++) {
      const v = matrix[r * F + f]
      if (v === v) values.push(v)
    }
    if (shown[f].percent === null) {
      out.push({ n: values.length, dontKnow, sum: null, sumSq: null, sd: null })
      continue
    }
    // The same summation order as the scoring, so sum / n is the mean bit for bit.
    let sum = 0
    let sumSq = 0
    for (const v of values) {
      sum += v
      sumSq += v * v
    }
    out.push({ n: values.length, dontKnow, sum, sumSq, sd: sampleSd(values.map((v) => v * 100)) })
  }
  return out
}

/** The aggregates of one set for thresholds k … min(MAX_K, R) (above R the set is not shown). */
function setAggregate(layout: FormLayout, responses: readonly AnyResponse[], k: number): { aggregate: SetAggregate; dontKnowCounts: Int32Array } {
  const R = responses.length
  const { matrix, dontKnowCounts } = scanResponses(layout, responses)
  const atClose = scoreSetFromMatrix(layout, matrix, R, k)
  // Sums are kept only for the factor cells published at close: storage never holds more.
  const factors = factorAggregates(layout, matrix, dontKnowCounts, R, atClose.factors)
  const levels: LevelClass[] = []
  let pattern = ''
  for (let kk = k; kk <= Math.max(k, Math.min(MAX_K, R)); kk++) {
    const shown = factors.map((f) => (f.sum !== null && f.n >= kk ? '1' : '0')).join('')
    if (shown === pattern) continue
    pattern = shown
    const set = kk === k ? atClose : scoreSetFromMatrix(layout, matrix, R, kk)
    levels.push({ from: kk, categories: set.categories, dimensions: set.dimensions, overall: set.overall })
  }
  return { aggregate: { n: R, factors, levels }, dontKnowCounts }
}

/** A breakdown's groups as frozen: the show rule is asked at every threshold from k to MAX_K, and
 *  a group once hidden stays hidden (raising k hides more, never less, §4). */
function groupAggregates(layout: FormLayout, responses: readonly AnyResponse[], k: number, by: BreakdownBy): GroupAggregate[] {
  const groups = partitionResponses(responses, by)
  const counts = groups.map((g) => ({ id: g.id, n: g.responses.length }))
  const hiddenFrom = new Map<string, number>()
  for (let kk = MAX_K; kk >= k; kk--) for (const id of hiddenGroups(counts, kk)) hiddenFrom.set(id, kk)
  return groups.map((g) => {
    const from = hiddenFrom.get(g.id) ?? null
    if (from === k) return { id: g.id, hidden: true as const }
    return { id: g.id, hiddenFrom: from, aggregate: setAggregate(layout, g.responses, k).aggregate }
  })
}

/** Freezes a round's submitted responses at threshold k (raised to 3): the aggregates that
 *  replace them. Below the threshold nothing but the count is kept: it can never be shown. */
export function aggregateRound(instrument: Instrument, form: Form, k: number, responses: readonly AnyResponse[]): RoundAggregate {
  const kk = Math.max(MIN_K, k)
  const n = responses.length
  if (!hasResults(n, kk)) return { k: kk, n, round: null, dontKnowItems: [], breakdowns: { role: [], unit: [] } }
  const layout = formLayout(instrument, form)
  const { aggregate, dontKnowCounts } = setAggregate(layout, responses, kk)
  return {
    k: kk,
    n,
    round: aggregate,
    dontKnowItems: [...dontKnowCounts],
    breakdowns: { role: groupAggregates(layout, responses, kk, 'role'), unit: groupAggregates(layout, responses, kk, 'unit') },
  }
}

/** The scores of a frozen set at threshold k: factors from their sums, the levels above from the
 *  class k falls in; the same objects, key for key, as scoring the answers would give. */
function scoreSetAt(layout: FormLayout, a: SetAggregate, k: number): ScoreSet {
  const factors: Score[] = a.factors.map((f, i) => {
    const id = layout.factors[i].id
    if (f.n < k || f.sum === null) return { id, percent: null, ci: null, n: f.n, suppressed: true }
    const percent = (f.sum / f.n) * 100
    return { id, percent, ci: intervalFromSd(percent, f.sd, f.n), n: f.n }
  })
  let level = a.levels[0]
  for (const l of a.levels) if (l.from <= k) level = l
  return { n: a.n, overall: level.overall, dimensions: level.dimensions, categories: level.categories, factors }
}

/** The threshold a frozen round is scored with: the organisation's k, but never below the k it
 *  was frozen with, since what that k hid was not kept. */
export function frozenThreshold(agg: RoundAggregate, k: number): number {
  return Math.max(MIN_K, k, agg.k)
}

/** The results and both breakdowns of a frozen round at threshold k, or null without results. */
export function resultsFromAggregate(
  instrument: Instrument,
  form: Form,
  agg: RoundAggregate,
  k: number,
): { results: RoundResults; breakdowns: Record<BreakdownBy, Group[]> } | null {
  const kk = frozenThreshold(agg, k)
  if (!agg.round || !hasResults(agg.n, kk)) return null
  const layout = formLayout(instrument, form)
  const groups = (by: BreakdownBy): Group[] =>
    agg.breakdowns[by].map((g) =>
      'hidden' in g || (g.hiddenFrom !== null && kk >= g.hiddenFrom) ? { id: g.id, suppressed: true as const } : { id: g.id, ...scoreSetAt(layout, g.aggregate, kk) },
    )
  return {
    results: roundResults(instrument, layout, scoreSetAt(layout, agg.round, kk), agg.dontKnowItems),
    breakdowns: { role: groups('role'), unit: groups('unit') },
  }
}
