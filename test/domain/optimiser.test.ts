import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  canonicalScore,
  comparePortfolios,
  inBand,
  optimisePortfolio,
} from '../../worker/domain/portfolio/optimiser'
import type { Candidate, OptimiserResult } from '../../worker/domain/portfolio/optimiser'
import type { Band } from '../../worker/domain/portfolio/types'

/** Reference: enumerate every subset and apply §6.7 literally. */
function bruteForce(cands: readonly Candidate[], budget: number, band: Band) {
  const pinned = cands.filter((c) => c.pinnedIn)
  const pinnedCost = pinned.reduce((s, c) => s + c.cost, 0)
  const describe = (set: Candidate[]) => ({
    set,
    score: canonicalScore(set),
    cost: set.reduce((s, c) => s + c.cost, 0),
    innov: set.reduce((s, c) => s + (c.innovation ? c.cost : 0), 0),
    ids: set.map((c) => c.id).sort(),
  })
  if (pinnedCost > budget) return { ...describe(pinned), bandMet: null, budgetMet: false }
  const all: ReturnType<typeof describe>[] = []
  for (let mask = 1; mask < 1 << cands.length; mask++) {
    const set = cands.filter((_, i) => (mask >> i) & 1)
    if (pinned.some((p) => !set.includes(p))) continue
    const d = describe(set)
    if (d.cost <= budget) all.push(d)
  }
  const best = (list: typeof all) => [...list].sort(comparePortfolios)[0]
  const banded = all.filter((d) => inBand(d.innov, d.cost, band))
  if (banded.length > 0) return { ...best(banded), bandMet: true, budgetMet: true }
  if (all.length > 0) return { ...best(all), bandMet: false, budgetMet: true }
  return { ...describe([]), bandMet: false, budgetMet: true }
}

const candidateArb = fc.record({
  cost: fc.integer({ min: 1, max: 60 }),
  innovation: fc.boolean(),
  // Few distinct scores so that ties (on score, then cost, then ids) really occur.
  score: fc.oneof(fc.constantFrom(0, 1, 2, 2.5, 0.1 + 0.2, 0.3), fc.double({ min: 0, max: 50, noNaN: true })),
  pinnedIn: fc.integer({ min: 0, max: 9 }).map((x) => x < 2),
})

const instanceArb = fc.record({
  cands: fc.array(candidateArb, { minLength: 0, maxLength: 14 }),
  budget: fc.integer({ min: 0, max: 300 }),
  band: fc
    .tuple(fc.constantFrom(0, 0.2, 0.3, 0.5, 1 / 3), fc.constantFrom(0.5, 0.6, 0.7, 1, 1 / 3))
    .map(([min, max]) => ({ min, max })),
})

describe('optimisePortfolio', () => {
  it('equals a brute force over all subsets (pins, bands, ties, fallbacks)', () => {
    fc.assert(
      fc.property(instanceArb, ({ cands, budget, band }) => {
        const withIds: Candidate[] = cands.map((c, i) => ({ ...c, id: `ini_${(i * 7) % 15}_${i}` }))
        const got: OptimiserResult = optimisePortfolio(withIds, budget, band)
        const want = bruteForce(withIds, budget, band)
        expect(got.ids).toEqual(want.ids)
        expect(got.totalCost).toBe(want.cost)
        expect(got.budgetMet).toBe(want.budgetMet)
        if (want.bandMet !== null) expect(got.bandMet).toBe(want.bandMet)
        expect(got.exact).toBe(true)
      }),
      { numRuns: 400 },
    )
  })
})
