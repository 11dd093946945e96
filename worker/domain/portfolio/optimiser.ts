/** The budget optimiser of docs/model.md §6.7: branch and bound over every costed candidate, exact
 *  unless the node valve trips, and then with a proven optimality gap. */
import { compareCodePoints, round9 } from '../round'
import { canonicalScore, inBand } from './optimiser-rules'
import type { Best, Candidate } from './optimiser-rules'
import { search } from './optimiser-search'
import type { SearchOutcome } from './optimiser-search'
import type { Band } from './types'

export { canonicalScore, comparePortfolios, inBand } from './optimiser-rules'
export type { Candidate } from './optimiser-rules'
export { NODE_LIMIT } from './optimiser-search'

export interface OptimiserResult {
  ids: string[]
  totalCost: number
  totalScore: number
  innovationShare: number | null
  bandMet: boolean
  budgetMet: boolean
  exact: boolean
  /** (proven upper bound − found Score) / upper bound, 9 decimals; 0 when proven optimal. */
  optimalityGap: number
}

function result(
  set: readonly Candidate[],
  band: Band,
  budget: number,
  optimalityGap: number | null,
): OptimiserResult {
  const totalCost = set.reduce((s, c) => s + c.cost, 0)
  const innov = set.reduce((s, c) => s + (c.innovation ? c.cost : 0), 0)
  return {
    ids: set.map((c) => c.id).sort(compareCodePoints),
    totalCost,
    totalScore: canonicalScore(set),
    innovationShare: totalCost > 0 ? innov / totalCost : null,
    bandMet: set.length > 0 && inBand(innov, totalCost, band),
    budgetMet: totalCost <= budget,
    exact: optimalityGap === null,
    optimalityGap: optimalityGap ?? 0,
  }
}

/** Null when the search was complete, else the relative gap to its proven upper bound. */
function gap(outcome: SearchOutcome): number | null {
  if (outcome.complete) return null
  const found = outcome.best ? outcome.best.score : 0
  const upper = Math.max(outcome.upperBound, found)
  return upper > 0 ? round9((upper - found) / upper) : 0
}

/** The portfolio under budget B: pinned-in candidates always, the best non-empty set within the
 *  band; else the best without the band (bandMet false); pins alone over B → the pins with
 *  budgetMet false; nothing fits → empty. `exact` unless the node valve stopped a search; then
 *  `optimalityGap` says how far below the proven bound the portfolio may be (1 when the band
 *  search stopped before finding any set within the band). */
export function optimisePortfolio(
  candidates: readonly Candidate[],
  budget: number,
  band: Band,
  nodeLimit?: number,
): OptimiserResult {
  const fixed = candidates.filter((c) => c.pinnedIn)
  const free = candidates.filter((c) => !c.pinnedIn)
  const fixedCost = fixed.reduce((s, c) => s + c.cost, 0)
  if (fixedCost > budget) return result(fixed, band, budget, null)
  const byId = new Map(candidates.map((c) => [c.id, c]))
  const toSet = (b: Best) => b.ids.map((id) => byId.get(id) as Candidate)
  const withBand = search(fixed, free, budget, band, nodeLimit)
  if (withBand.best) return result(toSet(withBand.best), band, budget, gap(withBand))
  const anyBand = search(fixed, free, budget, null, nodeLimit)
  const unproven = withBand.complete ? gap(anyBand) : 1
  if (anyBand.best) return result(toSet(anyBand.best), band, budget, unproven)
  return result([], band, budget, unproven)
}
