/** Seeded portfolio instances shaped like a municipality's backlog, and reference solvers that
 *  apply docs/model.md §6.7 literally (for the optimiser tests and benchmarks). */
import { canonicalScore, comparePortfolios, inBand } from '../../worker/domain/portfolio/optimiser'
import type { Candidate } from '../../worker/domain/portfolio/optimiser'
import type { Band } from '../../worker/domain/portfolio/types'

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Instance {
  cands: Candidate[]
  budget: number
  band: Band
}

export interface Shape {
  n: number
  /** 'typical': a quarter innovation; 'share': innovation items score best per SEK, so the
   *  type's upper bound binds; 'low': efficiency scores best and the lower bound binds. */
  kind: 'typical' | 'share' | 'low'
  /** Cost in whole SEK (50 000–5 000 000) or in small units 1..60 (for the DP reference). */
  units?: boolean
  pins?: boolean
  ties?: boolean
}

/** One instance: budget a third of the backlog's total cost, band D (0.30–0.70) or A/C (0.20–0.50). */
export function instance(seed: number, shape: Shape): Instance {
  const r = rng(seed)
  const share = shape.kind === 'share'
  const band = share ? { min: 0.2, max: 0.5 } : { min: 0.3, max: 0.7 }
  const cands: Candidate[] = Array.from({ length: shape.n }, (_, i) => {
    const innovation = r() < (shape.kind === 'typical' ? 0.4 : 0.5)
    const cost = shape.units ? 1 + Math.floor(r() * 60) : Math.round(50_000 * Math.exp(r() * Math.log(100)))
    const unitCost = shape.units ? cost * 80_000 : cost
    // Score grows with cost, more so for the kind the band holds back.
    const boost = share ? (innovation ? 1.6 : 1) : shape.kind === 'low' ? (innovation ? 1 : 1.6) : 1
    let score = (unitCost / 1e5) * boost * (0.3 + r()) * 10
    if (shape.ties) score = [0, 5, 10, 20, score][Math.floor(r() * 5)]
    return {
      id: `ini_${String((i * 37) % shape.n).padStart(3, '0')}_${i}`,
      cost,
      innovation,
      score,
      pinnedIn: shape.pins === true && r() < 0.06,
    }
  })
  const budget = Math.floor(cands.reduce((s, c) => s + c.cost, 0) / 3)
  return { cands, budget, band }
}

interface Described {
  set: Candidate[]
  score: number
  cost: number
  innov: number
  ids: string[]
}

function describe(set: Candidate[]): Described {
  return {
    set,
    score: canonicalScore(set),
    cost: set.reduce((s, c) => s + c.cost, 0),
    innov: set.reduce((s, c) => s + (c.innovation ? c.cost : 0), 0),
    ids: set.map((c) => c.id).sort(),
  }
}

/** Every subset, the band, the pins, the fallbacks and the tie rules of §6.7. Sums are built
 *  incrementally per subset; a subset close to the best so far is compared with the full rules. */
export function bruteForce(cands: readonly Candidate[], budget: number, band: Band) {
  const pinned = cands.filter((c) => c.pinnedIn)
  const free = cands.filter((c) => !c.pinnedIn)
  const base = describe(pinned)
  if (base.cost > budget) return { ...base, bandMet: null, budgetMet: false }
  const size = 1 << free.length
  const cost = new Float64Array(size)
  const innov = new Float64Array(size)
  const score = new Float64Array(size)
  cost[0] = base.cost
  innov[0] = base.innov
  score[0] = base.score
  let inside: Described | null = null
  let any: Described | null = null
  const better = (mask: number, held: Described | null) => {
    if (held && score[mask] < held.score - 1e-6) return held
    const d = describe([...pinned, ...free.filter((_, i) => (mask >> i) & 1)])
    return !held || comparePortfolios(d, held) < 0 ? d : held
  }
  for (let mask = 0; mask < size; mask++) {
    if (mask > 0) {
      const low = 31 - Math.clz32(mask & -mask)
      const prev = mask & (mask - 1)
      const c = free[low]
      cost[mask] = cost[prev] + c.cost
      innov[mask] = innov[prev] + (c.innovation ? c.cost : 0)
      score[mask] = score[prev] + c.score
    }
    if (cost[mask] > budget || (mask === 0 && pinned.length === 0)) continue
    any = better(mask, any)
    if (inBand(innov[mask], cost[mask], band)) inside = better(mask, inside)
  }
  if (inside) return { ...inside, bandMet: true, budgetMet: true }
  if (any) return { ...any, bandMet: false, budgetMet: true }
  return { ...describe([]), bandMet: false, budgetMet: true }
}

/** The best Score within budget and band over small integer costs: a DP over (total cost,
 *  innovation cost) keeping the best score of each pair; null when no non-empty set meets both. */
export function dpOptimum(cands: readonly Candidate[], budget: number, band: Band): number | null {
  const pinned = cands.filter((c) => c.pinnedIn)
  const free = cands.filter((c) => !c.pinnedIn)
  const W = budget + 1
  // best[cost * W + innov]; -1 marks unreachable.
  const best = new Float64Array(W * W).fill(-1)
  const p = describe(pinned)
  if (p.cost > budget) return null
  best[p.cost * W + p.innov] = p.score
  for (const c of free) {
    const di = c.innovation ? c.cost : 0
    // Descending cost, in place: every source cell is still without this item.
    for (let cost = budget - c.cost; cost >= 0; cost--) {
      const from = cost * W
      const to = (cost + c.cost) * W + di
      for (let innov = 0; innov <= cost; innov++) {
        const v = best[from + innov]
        if (v >= 0 && v + c.score > best[to + innov]) best[to + innov] = v + c.score
      }
    }
  }
  let out: number | null = null
  for (let cost = 1; cost <= budget; cost++)
    for (let innov = 0; innov <= cost; innov++) {
      const v = best[cost * W + innov]
      if (v >= 0 && inBand(innov, cost, band) && (out === null || v > out)) out = v
    }
  return out
}
