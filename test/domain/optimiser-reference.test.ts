import { describe, it, expect } from 'vitest'
import { optimisePortfolio } from '../../worker/domain/portfolio/optimiser'
import { round9 } from '../../worker/domain/round'
import { bruteForce, dpOptimum, instance } from './optimiser-instances'
import type { Shape } from './optimiser-instances'

const KINDS = ['typical', 'share', 'low'] as const
const LONG = { timeout: 120_000 }

/** Every kind, with and without pins, with and without tied and zero Scores. */
function shapes(n: number, units: boolean): Shape[] {
  return KINDS.flatMap((kind) =>
    [false, true].flatMap((pins) => [false, true].map((ties) => ({ n, kind, pins, ties, units }))),
  )
}

describe('optimisePortfolio against references', () => {
  it('chooses the identical portfolio as a brute force over all subsets, up to 22 candidates', LONG, () => {
    let runs = 0
    const plan: [number, number][] = [[1, 4], [2, 4], [4, 6], [7, 6], [10, 6], [13, 5], [16, 2], [20, 1]]
    for (const [n, seeds] of plan)
      for (const shape of shapes(n, false))
        for (let seed = 1; seed <= seeds; seed++) {
          const { cands, budget, band } = instance(seed * 97 + n, shape)
          for (const b of n >= 16 ? [budget] : [budget, Math.floor(budget / 4), 0]) {
            const got = optimisePortfolio(cands, b, band)
            const want = bruteForce(cands, b, band)
            expect(got.ids).toEqual(want.ids)
            expect(got.totalCost).toBe(want.cost)
            expect(got.budgetMet).toBe(want.budgetMet)
            if (want.bandMet !== null) expect(got.bandMet).toBe(want.bandMet)
            expect(got.exact).toBe(true)
            expect(got.optimalityGap).toBe(0)
            runs++
          }
        }
    for (const kind of KINDS) {
      const { cands, budget, band } = instance(22, { n: 22, kind, pins: true, ties: kind === 'low' })
      expect(optimisePortfolio(cands, budget, band).ids).toEqual(bruteForce(cands, budget, band).ids)
      runs++
    }
    expect(runs).toBeGreaterThan(1000)
  })

  it('reaches the optimum of a dynamic programme over small integer costs, 25 to 60 candidates', LONG, () => {
    let runs = 0
    let banded = 0
    for (const n of [25, 40, 60])
      for (const shape of shapes(n, true))
        for (let seed = 1; seed <= 4; seed++) {
          const { cands, budget, band } = instance(seed * 31 + n, shape)
          const want = dpOptimum(cands, budget, band)
          const got = optimisePortfolio(cands, budget, band)
          expect(got.exact).toBe(true)
          expect(got.optimalityGap).toBe(0)
          if (want === null) expect(got.bandMet).toBe(false)
          else {
            banded++
            expect(got.bandMet).toBe(true)
            expect(round9(got.totalScore)).toBe(round9(want))
            expect(got.totalCost).toBeLessThanOrEqual(budget)
          }
          runs++
        }
    expect(runs).toBe(144)
    expect(banded).toBeGreaterThan(120)
  })
})

describe('optimisePortfolio properties', () => {
  it('never lowers the optimum when the budget grows', LONG, () => {
    for (const kind of KINDS)
      for (let seed = 1; seed <= 8; seed++) {
        const { cands, budget, band } = instance(seed * 13, { n: 30 + seed * 5, kind, pins: seed % 2 === 0, ties: seed % 3 === 0 })
        let previous = -Infinity
        for (const f of [0.2, 0.3, 0.5, 0.8, 1, 1.3]) {
          const got = optimisePortfolio(cands, Math.floor(budget * f), band)
          if (!got.bandMet || !got.budgetMet) continue
          expect(round9(got.totalScore)).toBeGreaterThanOrEqual(round9(previous))
          previous = got.totalScore
        }
      }
  })

  it('changes nothing when the optimum’s own items are pinned in', LONG, () => {
    for (const kind of KINDS)
      for (let seed = 1; seed <= 10; seed++) {
        const { cands, budget, band } = instance(seed * 17, { n: 20 + seed * 8, kind, ties: seed % 4 === 0 })
        const first = optimisePortfolio(cands, budget, band)
        const chosen = new Set(first.ids)
        const pinned = cands.map((c) => ({ ...c, pinnedIn: chosen.has(c.id) && c.id.charCodeAt(5) % 2 === 0 }))
        const all = cands.map((c) => ({ ...c, pinnedIn: chosen.has(c.id) }))
        expect(optimisePortfolio(pinned, budget, band).ids).toEqual(first.ids)
        expect(optimisePortfolio(all, budget, band).ids).toEqual(first.ids)
      }
  })

  it('reports a gap of 0 when exact, and a proven bound at or above the portfolio when the valve trips', LONG, () => {
    let stopped = 0
    for (const kind of KINDS)
      for (let seed = 1; seed <= 6; seed++) {
        const { cands, budget, band } = instance(seed * 19, { n: 120, kind, pins: seed === 3 })
        const full = optimisePortfolio(cands, budget, band)
        if (full.exact) expect(full.optimalityGap).toBe(0)
        // A tiny valve: the search stops early, and the bound must still cover the optimum.
        const cut = optimisePortfolio(cands, budget, band, 50)
        if (cut.exact) continue
        stopped++
        expect(cut.optimalityGap).toBeGreaterThanOrEqual(0)
        expect(cut.optimalityGap).toBeLessThan(1)
        const bound = cut.totalScore / (1 - cut.optimalityGap)
        if (full.exact) expect(round9(bound * (1 + 1e-8))).toBeGreaterThanOrEqual(round9(full.totalScore))
        expect(round9(full.totalScore)).toBeGreaterThanOrEqual(round9(cut.totalScore))
      }
    expect(stopped).toBeGreaterThan(10)
  })
})
