/** The portfolio rules of docs/model.md §6.7 shared by the optimiser's search and bound: the band
 *  test and the tie order between portfolios. */
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

/** A portfolio as the tie rules see it: canonical score sum, total cost, sorted ids. */
export interface Best {
  score: number
  cost: number
  ids: string[]
}

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

/** Score per SEK, best first; ties by lower cost, then id: the order every search list keeps. */
export function byRatio(a: Candidate, b: Candidate): number {
  return b.score / b.cost - a.score / a.cost || a.cost - b.cost || compareCodePoints(a.id, b.id)
}
