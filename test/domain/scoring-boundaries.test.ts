import { describe, it, expect } from 'vitest'
import { balanceFlags, strengthsAndWeaknesses } from '../../worker/domain/profile'
import { isBorderline, quadrantType } from '../../worker/domain/quadrants'
import { hasResults, scoreRound } from '../../worker/domain/results'
import { round9 } from '../../worker/domain/round'
import { interval95 } from '../../worker/domain/stats'
import type { Score } from '../../worker/domain/types'
import { FULL_IDS, respond, SHORT_IDS, times, v1 } from './helpers'

const factor = (list: Score[], id: string) => list.find((s) => s.id === id) as Score
const inFactor = (f: string, v: 1 | 2 | 3 | 4 | 5 | 6 | 'dont_know') =>
  Object.fromEntries(FULL_IDS.filter((i) => i.startsWith(`${f}.`)).map((i) => [i, v]))
const inCategory = (prefix: string, v: 1 | 2 | 3 | 4 | 5 | 6) =>
  Object.fromEntries(FULL_IDS.filter((i) => i.startsWith(prefix)).map((i) => [i, v]))

describe('round9', () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [49.9999999999, 50],
    [-9.9999999999, -10],
    [-0.0000000001, 0],
    [1.0000000005, 1.000000001],
    [-1.0000000005, -1.000000001],
  ])('round9(%d) = %d', (x, want) => {
    expect(round9(x)).toBe(want)
    expect(Object.is(round9(x), -0)).toBe(false)
  })
})

describe('hasResults (results exist only with n ≥ k)', () => {
  it.each([
    [4, 5, false],
    [5, 5, true],
    [2, 3, false],
    [3, 3, true],
    [2, 1, false], // k is never below 3
    [0, 3, false],
  ])('n=%i k=%i → %s', (n, k, want) => expect(hasResults(n, k)).toBe(want))
})

describe('scoreRound boundaries', () => {
  it('k − 1 respondents: every factor suppressed, everything above null', () => {
    const res = scoreRound(v1, 'full', 5, times(4, respond(6)))
    expect(res.factors.every((f) => f.suppressed === true && f.percent === null && f.n === 4)).toBe(true)
    expect(res.categories.every((c) => c.percent === null && c.n === 0 && c.ci === null)).toBe(true)
    expect(res.overall).toEqual({ id: 'overall', percent: null, ci: null, n: 0 })
    expect(res.type).toBeNull()
    expect(res.borderline).toBe(false)
    expect(res.balance).toBeNull()
    expect(res.strengths).toEqual([])
  })

  it('k respondents: every factor shown', () => {
    const res = scoreRound(v1, 'full', 5, times(5, respond(6)))
    expect(res.factors.every((f) => f.suppressed === undefined && f.n === 5)).toBe(true)
  })

  it('one respondent with k = 3: nothing shown', () => {
    const res = scoreRound(v1, 'full', 3, [respond(6)])
    expect(res.n).toBe(1)
    expect(res.factors.every((f) => f.percent === null)).toBe(true)
    expect(res.overall.percent).toBeNull()
  })

  it('all answers 6: 100 everywhere, zero-width intervals, type D, not borderline', () => {
    const res = scoreRound(v1, 'full', 3, times(3, respond(6)))
    for (const s of [res.overall, ...res.dimensions, ...res.categories, ...res.factors]) {
      expect(s.percent).toBe(100)
      expect(s.ci).toEqual([100, 100])
    }
    expect(res.type).toBe('D')
    expect(res.borderline).toBe(false)
    expect(res.dontKnow.every((d) => d.share === 0)).toBe(true)
  })

  it("don't-know only: all suppressed with n 0, shares 1", () => {
    const res = scoreRound(v1, 'short', 3, times(4, respond('dont_know', {}, { form: 'short' })))
    expect(res.factors.every((f) => f.n === 0 && f.suppressed)).toBe(true)
    expect(res.type).toBeNull()
    expect(res.flags).toEqual([])
    expect(res.dontKnow).toHaveLength(26)
    expect(res.dontKnow.every((d) => d.share === 1)).toBe(true)
    expect(res.dontKnowFactors.every((d) => d.share === 1)).toBe(true)
  })

  it('an empty factor (nobody answered) is suppressed and left out of its category', () => {
    const res = scoreRound(v1, 'full', 3, times(3, respond(4, { ...inFactor('E1', 'dont_know'), ...inFactor('E2', 6) })))
    expect(factor(res.factors, 'E1')).toMatchObject({ percent: null, n: 0, suppressed: true })
    // EFF = mean(E2 = 100, E3..E7 = 60) = 400 / 6 over shown factors only.
    expect(factor(res.categories, 'EFF').percent).toBeCloseTo((100 + 5 * 60) / 6, 9)
  })

  it('short form: one answered item qualifies; full form needs two', () => {
    const short = scoreRound(v1, 'short', 3, times(3, respond(5, {}, { form: 'short' })))
    expect(short.factors.every((f) => f.n === 3 && Math.abs((f.percent as number) - 80) < 1e-9)).toBe(true)
    const oneOfThree = Object.fromEntries(FULL_IDS.filter((i) => !i.endsWith('.1')).map((i) => [i, undefined]))
    const full = scoreRound(v1, 'full', 3, times(3, respond(5, oneOfThree)))
    expect(full.factors.every((f) => f.n === 0 && f.suppressed)).toBe(true)
    const twoOfThree = Object.fromEntries(FULL_IDS.filter((i) => i.endsWith('.3')).map((i) => [i, undefined]))
    expect(scoreRound(v1, 'full', 3, times(3, respond(5, twoOfThree))).factors[0].n).toBe(3)
    // Answers to items outside the round's form are ignored.
    const extra = scoreRound(v1, 'short', 3, times(3, respond(2, { 'E1.2': 6 }, { form: 'short' })))
    expect(factor(extra.factors, 'E1').percent).toBeCloseTo(20, 9)
    expect(SHORT_IDS).toHaveLength(26)
  })

  it('exactly 50 % is high: answers 3 and 4 average to 50 on DF and DA', () => {
    const res = scoreRound(v1, 'full', 3, [...times(2, respond(3)), ...times(2, respond(4))])
    expect(res.dimensions[0].percent).toBeCloseTo(50, 12)
    expect(res.type).toBe('D')
    expect(res.borderline).toBe(true)
  })

  it('types from the cut-off with rounding to 9 decimals', () => {
    expect(quadrantType(49.9999999999, 49.9999999999)).toBe('D')
    expect(quadrantType(49.999999, 50)).toBe('B')
    expect(quadrantType(50, 49.999999)).toBe('C')
    expect(quadrantType(10, 20)).toBe('A')
    expect(quadrantType(null, 80)).toBeNull()
  })

  it('borderline when a dimension interval contains 50, bounds inclusive', () => {
    const s = (percent: number, ci: [number, number] | null): Score => ({ id: 'x', percent, ci, n: 3 })
    expect(isBorderline(s(60, [50, 70]), s(80, [75, 85]))).toBe(true)
    expect(isBorderline(s(60, [50.0000000001, 70]), s(80, [75, 85]))).toBe(true)
    expect(isBorderline(s(60, [50.000001, 70]), s(80, [75, 85]))).toBe(false)
    expect(isBorderline(s(40, [30, 49.9999999999]), s(80, null))).toBe(true)
    expect(isBorderline(s(40, [30, 49.99999]), s(80, null))).toBe(false)
  })

  it('CI is null below n = 2 and not clamped', () => {
    expect(interval95(70, [70])).toBeNull()
    expect(interval95(70, [])).toBeNull()
    expect(interval95(null, [1, 2, 3])).toBeNull()
    const ci = interval95(95, [100, 100, 80]) as [number, number]
    expect(ci[1]).toBeGreaterThan(100)
  })

  it.each([
    [-10, ['efficiency_creep']],
    [-9.9999999999, ['efficiency_creep']],
    [-9.99999, []],
    [10, ['innovation_without_base']],
    [9.9999999999, ['innovation_without_base']],
    [9.99999, []],
    [0, []],
    [null, []],
  ])('balance %d flags %j', (balance, flags) => expect(balanceFlags(balance)).toEqual(flags))

  it('balance of exactly +10 from answers survives float noise (70 − 60)', () => {
    const inn = Object.fromEntries(FULL_IDS.filter((i) => i.startsWith('I')).map((i) => [i, 5 as const]))
    const res = scoreRound(v1, 'full', 3, [...times(2, respond(4, inn)), ...times(2, respond(4, inCategory('I', 4)))])
    expect(res.balance).toBeCloseTo(10, 9)
    expect(res.flags).toEqual(['innovation_without_base'])
    const creep = scoreRound(v1, 'full', 3, times(3, respond(4, { ...inCategory('E', 5) })))
    // EFF 80 (x .8) vs INN 60 (x .6): −20.
    expect(creep.flags).toEqual(['efficiency_creep'])
  })

  it('ties in strengths and weaknesses go by instrument order; near-equal values tie', () => {
    const s = (id: string, percent: number | null): Score => ({ id, percent, ci: null, n: 3 })
    const list = [s('E1', 60), s('E2', 70), s('E3', 70.0000000000001), s('E4', null), s('E5', 70), s('E6', 40), s('E7', 40)]
    expect(strengthsAndWeaknesses(list)).toEqual({ strengths: ['E2', 'E3', 'E5'], weaknesses: ['E6', 'E7', 'E1'] })
    expect(strengthsAndWeaknesses([s('E1', 50), s('E2', 50)])).toEqual({ strengths: ['E1', 'E2'], weaknesses: ['E1', 'E2'] })
    const uniform = scoreRound(v1, 'full', 3, times(3, respond(4)))
    expect(uniform.strengths).toEqual(['E1', 'E2', 'E3'])
    expect(uniform.weaknesses).toEqual(['E1', 'E2', 'E3'])
  })
})
