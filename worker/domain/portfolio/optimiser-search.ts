/** Branch and bound for §6.7: every free candidate in adjusted Score-per-SEK order, include first,
 *  pruned by the Lagrangian bound, by band reachability and by the tie cut; a node valve stops a
 *  runaway search with a proven upper bound from the bounds of the nodes left open. */
import { compareCodePoints, round9 } from '../round'
import { canonicalScore, comparePortfolios, inBand } from './optimiser-rules'
import type { Best, Candidate } from './optimiser-rules'
import { multiplier, Relaxation } from './optimiser-bound'
import type { Multiplier, NodeState } from './optimiser-bound'
import type { Band } from './types'

/** Safety valve: a search visiting more nodes stops with its best set and a proven bound. */
export const NODE_LIMIT = 400_000

export interface SearchOutcome {
  best: Best | null
  /** False when the node valve stopped the search. */
  complete: boolean
  /** Proven: no admissible set scores more (−Infinity when none can exist). */
  upperBound: number
}

/** Float slack so that a bound summed in another order never cuts the true optimum. */
const lift = (b: number) => round9(b + 1e-9 * (1 + Math.abs(b)))

/** Best non-empty set containing all of `fixed` and any of `free` within the budget (and the
 *  band when given), or null. */
export function search(
  fixed: readonly Candidate[],
  free: readonly Candidate[],
  budget: number,
  band: Band | null,
  nodeLimit = NODE_LIMIT,
): SearchOutcome {
  let cost0 = 0
  let innov0 = 0
  let score0 = 0
  for (const c of fixed) {
    cost0 += c.cost
    innov0 += c.innovation ? c.cost : 0
    score0 += c.score
  }
  const relax = new Relaxation(free, band)
  const root: NodeState = { j: 0, cap: budget - cost0, score: score0, cost: cost0, innov: innov0 }
  const rootBound = relax.tightest(root, true)
  relax.useOrder(rootBound.m)
  const order = relax.order
  const n = order.length
  const sufInnov = new Float64Array(n + 1)
  const sufEff = new Float64Array(n + 1)
  for (let j = n - 1; j >= 0; j--) {
    sufInnov[j] = sufInnov[j + 1] + (order[j].innovation ? order[j].cost : 0)
    sufEff[j] = sufEff[j + 1] + (order[j].innovation ? 0 : order[j].cost)
  }
  const minR = band ? round9(band.min) : 0
  const maxR = band ? round9(band.max) : 1
  let best: Best | null = null

  const consider = (cost: number, innov: number, score: number, chosen: Uint8Array) => {
    if (cost <= 0) return // the empty set is never a portfolio
    if (band && !inBand(innov, cost, band)) return
    if (best && round9(score + 1e-10 * (1 + Math.abs(score))) < round9(best.score)) return
    const set = [...fixed, ...order.filter((_, j) => chosen[j] === 1)]
    const cand = { score: canonicalScore(set), cost, ids: set.map((c) => c.id).sort(compareCodePoints) }
    if (!best || comparePortfolios(cand, best) < 0) best = cand
  }

  // Greedy seeds, one per multiplier the root tried: a good first lower bound, band included.
  const seen = new Set<number>()
  const pos = new Map(order.map((c, j) => [c.id, j]))
  for (const m of relax.probes) {
    if (seen.has(m.t)) continue
    seen.add(m.t)
    seed(m, true)
    seed(m, false)
  }
  function seed(m: Multiplier, positiveOnly: boolean) {
    const chosen = new Uint8Array(n)
    let cost = cost0
    let innov = innov0
    let score = score0
    for (const c of relax.merged(m)) {
      if (cost + c.cost > budget) continue
      if (positiveOnly && c.score + (c.innovation ? m.alpha : m.beta) * c.cost <= 0) continue
      chosen[pos.get(c.id) as number] = 1
      cost += c.cost
      innov += c.innovation ? c.cost : 0
      score += c.score
    }
    consider(cost, innov, score, chosen)
  }

  const chosen = new Uint8Array(n)
  const m0 = multiplier(0, band)
  let nodes = 0
  let openBound = -Infinity
  const unreachable = (j: number, cost: number, innov: number, cap: number) => {
    if (!band || cost <= 0) return false
    const addI = Math.min(sufInnov[j], cap)
    if (round9((innov + addI) / (cost + addI)) < minR) return true
    const addE = Math.min(sufEff[j], cap)
    return round9(innov / (cost + addE)) > maxR
  }

  const dfs = (j: number, cost: number, innov: number, score: number) => {
    const cap = budget - cost
    if (unreachable(j, cost, innov, cap)) return
    const s: NodeState = { j, cap, score, cost, innov }
    if (++nodes > nodeLimit) {
      // Left open: its subtree is covered by its own tightest bound.
      openBound = Math.max(openBound, relax.tightest(s).bound)
      return
    }
    if (best) {
      const rs = round9(best.score)
      let rb = lift(relax.value(rootBound.m, s))
      if (rb >= rs && band) rb = Math.min(rb, lift(relax.value(m0, s)))
      if (rb < rs) return
      // This node was already considered; every set below it costs more, so it loses any tie.
      if (rb === rs && cost >= best.cost) return
    }
    if (j === n) return
    const c = order[j]
    if (c.cost <= cap) {
      const ci = innov + (c.innovation ? c.cost : 0)
      chosen[j] = 1
      consider(cost + c.cost, ci, score + c.score, chosen)
      dfs(j + 1, cost + c.cost, ci, score + c.score)
      chosen[j] = 0
    }
    dfs(j + 1, cost, innov, score)
  }

  consider(cost0, innov0, score0, chosen)
  dfs(0, cost0, innov0, score0)
  const complete = nodes <= nodeLimit
  const found = best === null ? -Infinity : (best as Best).score
  const upperBound = complete ? found : Math.min(rootBound.bound, Math.max(found, openBound))
  return { best, complete, upperBound }
}
