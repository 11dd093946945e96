import { describe, it, expect } from 'vitest'
import { scoreRound } from '../../worker/domain/results'
import type { Score } from '../../worker/domain/types'
import { respond, v1 } from './helpers'

/** Hand-computed fixture (full form, k = 3, four respondents):
 *  R1 all 5 (x .8) except E1.1 = 6, E1.2 = don't know, E1.3 unanswered (1 answer: not qualifying
 *  for E1) and T3 = 1, 2, 3 (x 0, .2, .4 → .2); R2 all 4 (.6); R3 all 3 (.4); R4 don't know
 *  everywhere except I2.1 = I2.2 = 6 (qualifies for I2 only, x 1).
 *  E1: n 2 < 3 → suppressed. Other factors 60 % over R1–R3 (80, 60, 40; s = 20), except
 *  I2 = mean(.8, .6, .4, 1) = 70 % (n 4) and T3 = mean(.2, .6, .4) = 40 %.
 *  EFF = 60 (E2–E7); INN = (5·60 + 70)/6 = 61.666…; TEK = (3·60 + 40)/4 = 55;
 *  DF = (60 + 61.666… + 60)/3 = 60.555…; DA = (60 + 60 + 55)/3 = 58.333…; overall = 59.444….
 *  Respondent level: INN and DF (80, 60, 40, 100; R4 via I2), TEK (65, 60, 40),
 *  DA (75, 60, 40), overall (77.5, 60, 40; R4 has no DA). CI = percent ± 1.96·s/√n. */
const responses = [
  respond(5, { 'E1.1': 6, 'E1.2': 'dont_know', 'E1.3': undefined, 'T3.1': 1, 'T3.2': 2, 'T3.3': 3 }),
  respond(4),
  respond(3),
  respond('dont_know', { 'I2.1': 6, 'I2.2': 6 }),
]
const res = scoreRound(v1, 'full', 3, responses)
const get = (list: Score[], id: string) => list.find((s) => s.id === id) as Score

function expectScore(s: Score, percent: number, n: number, ci: [number, number] | null) {
  expect(s.percent).toBeCloseTo(percent, 9)
  expect(s.n).toBe(n)
  if (ci === null) expect(s.ci).toBeNull()
  else {
    expect(s.ci?.[0]).toBeCloseTo(ci[0], 9)
    expect(s.ci?.[1]).toBeCloseTo(ci[1], 9)
  }
}

describe('scoreRound on the hand-computed fixture', () => {
  it('suppresses E1 (one answered item does not qualify on the full form)', () => {
    expect(get(res.factors, 'E1')).toEqual({ id: 'E1', percent: null, ci: null, n: 2, suppressed: true })
  })

  it('scores factors', () => {
    expectScore(get(res.factors, 'E2'), 60, 3, [37.367869447766665, 82.63213055223333])
    expectScore(get(res.factors, 'I2'), 70, 4, [44.69650880477821, 95.3034911952218])
    expectScore(get(res.factors, 'T3'), 40, 3, [17.367869447766665, 62.632130552233335])
    expect(res.factors.filter((f) => f.suppressed)).toHaveLength(1)
    expect('suppressed' in get(res.factors, 'E2')).toBe(false)
  })

  it('scores categories, dimensions and overall with respondent-level n and intervals', () => {
    expectScore(get(res.categories, 'EFF'), 60, 3, [37.367869447766665, 82.63213055223333])
    expectScore(get(res.categories, 'INN'), 61.666666666666664, 4, [36.363175471444876, 86.97015786188845])
    expectScore(get(res.categories, 'TEK'), 55, 3, [40.030252729810925, 69.96974727018907])
    expectScore(get(res.dimensions, 'DF'), 60.55555555555555, 4, [35.25206436033376, 85.85904675077734])
    expectScore(get(res.dimensions, 'DA'), 58.333333333333336, 3, [38.46297573435915, 78.20369093230752])
    expectScore(res.overall, 59.44444444444444, 3, [38.21111111111111, 80.67777777777778])
    expect(res.overall.id).toBe('overall')
    expect(res.n).toBe(4)
    expect(res.instrumentVersion).toBe('v1')
  })

  it('types, balances and ranks', () => {
    expect(res.type).toBe('D')
    expect(res.borderline).toBe(true)
    expect(res.balance).toBeCloseTo(1.6666666666666643, 9)
    expect(res.flags).toEqual([])
    expect(res.strengths).toEqual(['I2', 'E2', 'E3'])
    expect(res.weaknesses).toEqual(['T3', 'E2', 'E3'])
  })

  it("reports don't-know shares per item and factor", () => {
    const item = (id: string) => res.dontKnow.find((d) => d.itemId === id)?.share
    const factor = (id: string) => res.dontKnowFactors.find((d) => d.factorId === id)?.share
    expect(res.dontKnow).toHaveLength(78)
    expect(res.dontKnow[0].itemId).toBe('E1.1')
    expect(item('E1.2')).toBe(0.5)
    expect(item('E1.3')).toBe(0.25)
    expect(item('I2.1')).toBe(0)
    expect(item('I2.3')).toBe(0.25)
    expect(factor('E1')).toBeCloseTo(4 / 12, 12)
    expect(factor('I2')).toBeCloseTo(1 / 12, 12)
    expect(factor('T4')).toBe(0.25)
    expect(res.dontKnowFactors.map((d) => d.factorId)[25]).toBe('T4')
  })

  it('keeps arrays in instrument order', () => {
    expect(res.dimensions.map((d) => d.id)).toEqual(['DF', 'DA'])
    expect(res.categories.map((d) => d.id)).toEqual(['EFF', 'INN', 'BAL', 'ORG', 'USR', 'TEK'])
    expect(res.factors).toHaveLength(26)
  })
})
