/** The budget optimiser of docs/model.md §6.7: exact branch-and-bound up to 40 free candidates. */
import { compareCodePoints, round9 } from '../round'
import type { Band } from './types'

export interface Candidate {
  readonly id: string
  /** Whole SEK > 0. */
  readonly cost: number
  readonly innovation: boolean
  /** Score(i) ≥ 0. */
  readonly score: number
  readonly pinnedIn: boolean
}

export interface OptimiserResult {
  ids: string[]
  totalCost: number
  totalScore: number
  innovationShare: number | null
  bandMet: boolean
  budgetMet: boolean
  exact: boolean
}

/** Exact search covers at most this many free (not pinned) candidates. */
export const EXACT_LIMIT = 40
/** Safety valve: a search visiting more nodes stops with its best set and `exact: false`. */
export const NODE_LIMIT = 20_000_000

/** Whether the innovation share of a non-empty set lies within the band, bounds inclusive after
 *  rounding to 9 decimals. */
export function inBand(innovationCost: number, totalCost: number, band: Band): boolean {
  if (totalCost <= 0) return false
  const share = round9(innovationCost / totalCost)
  return share >= round9(band.min) && share <= round9(band.max)
}

/** Sum of the scores in code-point id order: one canonical float sum for every comparison. */
export function canonicalScore(set: readonly Candidate[]): number {
  const sorted = [...set].sort((a, b) => compareCodePoints(a.id, b.id))
  let s = 0
  for (const c of sorted) s += c.score
  return s
}

/** Negative when portfolio a beats b: greater rounded score sum, then lower cost, then the
 *  smaller sorted id list (element-wise code-point order, a prefix first). */
export function comparePortfolios(
  a: { score: number; cost: number; ids: readonly string[] },
  b: { score: number; cost: number; ids: readonly string[] },
): number {
  const sa = round9(a.score)
  const sb = round9(b.score)
  if (sa !== sb) return sb - sa
  if (a.cost !== b.cost) return a.cost - b.cost
  for (let i = 0; i < Math.min(a.ids.length, b.ids.length); i++) {
    const c = compareCodePoints(a.ids[i], b.ids[i])
    if (c !== 0) return c
  }
  return a.ids.length - b.ids.length
}

interface Best {
  score: number
  cost: number
  ids: string[]
}

/** Best non-empty set containing all of `fixed` and any of `free` within the budget (and the
 *  band when given), or null; `complete` is false when the node limit stopped the search. */
function search(
  fixed: readonly Candidate[],
  free: readonly Candidate[],
  budget: number,
  band: Band | null,
): { best: Best | null; complete: boolean } {
  const n = free.length
  const sufInnov = new Float64Array(n + 1)
  const sufEff = new Float64Array(n + 1)
  for (let j = n - 1; j >= 0; j--) {
    sufInnov[j] = sufInnov[j + 1] + (free[j].innovation ? free[j].cost : 0)
    sufEff[j] = sufEff[j + 1] + (free[j].innovation ? 0 : free[j].cost)
  }
  const chosen = new Uint8Array(n)
  let best: Best | null = null
  let nodes = 0
  let complete = true
  const minR = band ? round9(band.min) : 0
  const maxR = band ? round9(band.max) : 1

  const consider = (cost: number, innov: number, score: number) => {
    if (cost <= 0) return // the empty set is never a portfolio
    if (band && !inBand(innov, cost, band)) return
    if (best && round9(score + 1e-10 * (1 + Math.abs(score))) < round9(best.score)) return
    const set = [...fixed, ...free.filter((_, j) => chosen[j] === 1)]
    const cand = {
      score: canonicalScore(set),
      cost,
      ids: set.map((c) => c.id).sort(compareCodePoints),
    }
    if (!best || comparePortfolios(cand, best) < 0) best = cand
  }

  // Fractional-knapsack (Dantzig) bound on the score reachable from depth j with capacity cap.
  const bound = (j: number, cap: number, score: number) => {
    let s = score
    for (let i = j; i < n && cap > 0; i++) {
      const c = free[i]
      if (c.cost <= cap) {
        cap -= c.cost
        s += c.score
      } else {
        s += (c.score * cap) / c.cost
        cap = 0
      }
    }
    return s
  }

  const dfs = (j: number, cost: number, innov: number, score: number) => {
    if (++nodes > NODE_LIMIT) {
      complete = false
      return
    }
    const cap = budget - cost
    if (band && cost > 0) {
      const addI = Math.min(sufInnov[j], cap)
      if (round9((innov + addI) / (cost + addI)) < minR) return
      const addE = Math.min(sufEff[j], cap)
      if (round9(innov / (cost + addE)) > maxR) return
    }
    if (best) {
      const b = bound(j, cap, score)
      const rb = round9(b + 1e-10 * (1 + Math.abs(b)))
      const rs = round9(best.score)
      if (rb < rs) return
      // This node was already considered; every set below it costs more, so it loses any tie.
      if (rb === rs && cost >= best.cost) return
    }
    if (j === n) return
    const c = free[j]
    if (c.cost <= cap) {
      chosen[j] = 1
      consider(cost + c.cost, innov + (c.innovation ? c.cost : 0), score + c.score)
      dfs(j + 1, cost + c.cost, innov + (c.innovation ? c.cost : 0), score + c.score)
      chosen[j] = 0
    }
    dfs(j + 1, cost, innov, score)
  }

  let cost0 = 0
  let innov0 = 0
  let score0 = 0
  for (const c of fixed) {
    cost0 += c.cost
    innov0 += c.innovation ? c.cost : 0
    score0 += c.score
  }
  consider(cost0, innov0, score0)
  dfs(0, cost0, innov0, score0)
  return { best, complete }
}

function result(
  set: readonly Candidate[],
  band: Band,
  budget: number,
  exact: boolean,
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
    exact,
  }
}

/** The portfolio under budget B: pinned-in candidates always, the best non-empty set within the
 *  band; else the best without the band (bandMet false); pins alone over B → the pins with
 *  budgetMet false; nothing fits → empty. Above 40 free candidates (a documented heuristic) only
 *  the 40 with the best score per SEK are searched and `exact` is false. */
export function optimisePortfolio(
  candidates: readonly Candidate[],
  budget: number,
  band: Band,
): OptimiserResult {
  const fixed = candidates.filter((c) => c.pinnedIn)
  let free = candidates
    .filter((c) => !c.pinnedIn)
    .sort(
      (a, b) =>
        b.score / b.cost - a.score / a.cost || a.cost - b.cost || compareCodePoints(a.id, b.id),
    )
  const fixedCost = fixed.reduce((s, c) => s + c.cost, 0)
  if (fixedCost > budget) return result(fixed, band, budget, true)
  let exact = true
  if (free.length > EXACT_LIMIT) {
    free = free.slice(0, EXACT_LIMIT)
    exact = false
  }
  const byId = new Map(candidates.map((c) => [c.id, c]))
  const toSet = (b: Best) => b.ids.map((id) => byId.get(id) as Candidate)
  const withBand = search(fixed, free, budget, band)
  if (withBand.best) return result(toSet(withBand.best), band, budget, exact && withBand.complete)
  const anyBand = search(fixed, free, budget, null)
  const ok = exact && withBand.complete && anyBand.complete
  if (anyBand.best) return result(toSet(anyBand.best), band, budget, ok)
  return result([], band, budget, ok)
}
