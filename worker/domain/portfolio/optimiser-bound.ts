/** Upper bound on the Score sum of §6.7 under the budget and the innovation band: the band is
 *  moved into the objective with a Lagrange multiplier and the rest is a fractional knapsack. For
 *  every multiplier ≥ 0 this is a valid bound; the dual is convex, so a golden-section search finds
 *  a tight one. */
import { compareCodePoints } from '../round'
import { byRatio } from './optimiser-rules'
import type { Candidate } from './optimiser-rules'
import type { Band } from './types'

/** A multiplier as item adjustments: an innovation item is worth score + alpha·cost, an efficiency
 *  item score + beta·cost. t > 0 prices the band's lower bound, t < 0 its upper bound. */
export interface Multiplier {
  readonly t: number
  readonly alpha: number
  readonly beta: number
}

export function multiplier(t: number, band: Band | null): Multiplier {
  if (!band || t === 0) return { t: 0, alpha: 0, beta: 0 }
  if (t > 0) return { t, alpha: t * (1 - band.min), beta: -t * band.min }
  return { t, alpha: t * (1 - band.max), beta: -t * band.max }
}

/** A node of the search: chosen score, cost and innovation cost; free items from `j` on. */
export interface NodeState {
  readonly j: number
  readonly cap: number
  readonly score: number
  readonly cost: number
  readonly innov: number
}

const GOLDEN = (Math.sqrt(5) - 1) / 2
const STEPS = 48

export class Relaxation {
  /** Free candidates of each kind, best Score per SEK first; an adjustment keeps these orders. */
  private readonly inn: Candidate[]
  private readonly eff: Candidate[]
  /** Their costs and Score per SEK as flat arrays: the bound reads them at every node. */
  private readonly innC: Float64Array
  private readonly innR: Float64Array
  private readonly effC: Float64Array
  private readonly effR: Float64Array
  /** The search order, a merge of the two kind lists; pI[j], pE[j]: items of each kind before j. */
  order: Candidate[] = []
  private pI = new Int32Array(1)
  private pE = new Int32Array(1)
  /** Multipliers whose bound was evaluated at the root (greedy seeds start from each). */
  readonly probes: Multiplier[] = []

  constructor(
    free: readonly Candidate[],
    private readonly band: Band | null,
  ) {
    this.inn = free.filter((c) => c.innovation).sort(byRatio)
    this.eff = free.filter((c) => !c.innovation).sort(byRatio)
    this.innC = Float64Array.from(this.inn, (c) => c.cost)
    this.innR = Float64Array.from(this.inn, (c) => c.score / c.cost)
    this.effC = Float64Array.from(this.eff, (c) => c.cost)
    this.effR = Float64Array.from(this.eff, (c) => c.score / c.cost)
    this.useOrder(multiplier(0, band))
  }

  /** Both kind lists merged by adjusted Score per SEK (ties: lower cost, then id). */
  merged(m: Multiplier): Candidate[] {
    const out: Candidate[] = []
    let a = 0
    let b = 0
    while (a < this.inn.length || b < this.eff.length) {
      if (b >= this.eff.length) out.push(this.inn[a++])
      else if (a >= this.inn.length) out.push(this.eff[b++])
      else {
        const x = this.inn[a]
        const y = this.eff[b]
        const d = y.score / y.cost + m.beta - (x.score / x.cost + m.alpha)
        const first = d < 0 || (d === 0 && (x.cost - y.cost || compareCodePoints(x.id, y.id)) < 0)
        out.push(first ? this.inn[a++] : this.eff[b++])
      }
    }
    return out
  }

  /** Makes the search order the merge at m. */
  useOrder(m: Multiplier): void {
    this.order = this.merged(m)
    const n = this.order.length
    this.pI = new Int32Array(n + 1)
    this.pE = new Int32Array(n + 1)
    for (let j = 0; j < n; j++) {
      const i = this.order[j].innovation ? 1 : 0
      this.pI[j + 1] = this.pI[j] + i
      this.pE[j + 1] = this.pE[j] + 1 - i
    }
  }

  /** The Lagrangian bound at m: the chosen part priced with m, plus the remaining capacity filled
   *  with the free items from j on that fit it alone, in adjusted ratio order. The first item that
   *  does not fit (the critical one) is either left out (the fill goes on without it) or taken at
   *  the cost of the lowest ratio taken so far (the Martello–Toth bound): the larger is valid. */
  value(m: Multiplier, s: NodeState): number {
    const { alpha, beta } = m
    let v = s.score + alpha * s.innov + beta * (s.cost - s.innov)
    const { innC, innR, effC, effR } = this
    const nI = innC.length
    const nE = effC.length
    let a = this.pI[s.j]
    let b = this.pE[s.j]
    let room = s.cap
    let last = Infinity
    let withCritical = -Infinity
    while (room > 0) {
      while (a < nI && innC[a] > s.cap) a++
      while (b < nE && effC[b] > s.cap) b++
      const ra = a < nI ? innR[a] + alpha : -Infinity
      const rb = b < nE ? effR[b] + beta : -Infinity
      if (ra <= 0 && rb <= 0) break
      const takeInn = ra >= rb
      const cost = takeInn ? innC[a++] : effC[b++]
      const r = takeInn ? ra : rb
      if (cost <= room) {
        v += r * cost
        room -= cost
        last = r
      } else if (withCritical === -Infinity) {
        withCritical = v + r * cost - (cost - room) * last
      } else {
        v += r * room
        room = 0
      }
    }
    return Math.max(v, withCritical)
  }

  /** The least bound over multipliers for this node (golden-section on each side of 0), with the
   *  multiplier that gives it; probes are recorded when `record` is set. */
  tightest(s: NodeState, record = false, steps = STEPS): { bound: number; m: Multiplier } {
    const band = this.band
    const at = (t: number) => {
      const m = multiplier(t, band)
      if (record) this.probes.push(m)
      return { bound: this.value(m, s), m }
    }
    let best = at(0)
    if (!band) return best
    let maxRatio = 0
    for (const c of this.inn) maxRatio = Math.max(maxRatio, c.score / c.cost)
    for (const c of this.eff) maxRatio = Math.max(maxRatio, c.score / c.cost)
    const scale = maxRatio > 0 ? maxRatio : 1e-12
    const sides: number[] = []
    if (band.min > 0) sides.push((4 * scale) / band.min)
    if (band.max < 1) sides.push((-4 * scale) / (1 - band.max))
    for (const end of sides) {
      let lo = 0
      let hi = end
      let x1 = hi - GOLDEN * (hi - lo)
      let x2 = lo + GOLDEN * (hi - lo)
      let f1 = at(x1)
      let f2 = at(x2)
      for (let k = 0; k < steps; k++) {
        if (f1.bound <= f2.bound) {
          hi = x2
          x2 = x1
          f2 = f1
          x1 = hi - GOLDEN * (hi - lo)
          f1 = at(x1)
        } else {
          lo = x1
          x1 = x2
          f1 = f2
          x2 = lo + GOLDEN * (hi - lo)
          f2 = at(x2)
        }
      }
      for (const f of [f1, f2]) if (f.bound < best.bound) best = f
    }
    return best
  }
}
