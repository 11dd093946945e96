import { describe, it, expect } from 'vitest'
import { allFactors } from '../../schema/instruments'
import { emphasisedCategories, factorTarget } from '../../worker/domain/portfolio/gaps'
import { bandFor, recommend } from '../../worker/domain/portfolio/recommendations'
import type { RecommendationInput } from '../../worker/domain/portfolio/recommendations'
import { SUGGESTIONS } from '../../worker/domain/portfolio/suggestions'
import type { Initiative } from '../../worker/domain/portfolio/types'
import { v1 } from './helpers'

const percents: Record<string, number | null> = { E1: 40, I1: 60, O1: 30, T3: null, U1: 50, B2: 70, E2: 65 }
const results: RecommendationInput['results'] = {
  factors: allFactors(v1).map((f) => ({ id: f.id, percent: f.id in percents ? percents[f.id] : 80 })),
  categories: [],
  type: 'A',
  flags: [],
}

function ini(id: string, title: string, over: Partial<Initiative>): Initiative {
  return {
    id, title, kind: 'efficiency', target: 'capability', factors: [], cost: null, status: 'idea', pin: 'auto',
    politicalUrgency: 3, technicalUrgency: 3, societalBenefit: 3, administrationBenefit: 3, risk: 1, ...over,
  }
}

const initiatives: Initiative[] = [
  ini('ini_a', 'Alpha', { factors: [{ factorId: 'E1', strength: 3 }, { factorId: 'O1', strength: 2 }], cost: 100,
    politicalUrgency: 4, technicalUrgency: 4, societalBenefit: 4, administrationBenefit: 4, risk: 2 }),
  ini('ini_b', 'beta', { kind: 'innovation', factors: [{ factorId: 'I1', strength: 3 }], cost: 50, status: 'planned' }),
  ini('ini_c', 'Beta', { kind: 'innovation', factors: [{ factorId: 'I1', strength: 3 }], cost: 50, status: 'ongoing' }),
  ini('ini_d', 'Delta', { factors: [{ factorId: 'T3', strength: 3 }], cost: 10 }),
  ini('ini_e', 'Echo', { factors: [{ factorId: 'U1', strength: 3 }], cost: 10, status: 'done' }),
  ini('ini_f', 'Foxtrot', { factors: [{ factorId: 'E1', strength: 1 }],
    politicalUrgency: 5, technicalUrgency: 5, societalBenefit: 5, administrationBenefit: 5, risk: 5 }),
  ini('ini_g', 'Golf', { kind: 'innovation', factors: [{ factorId: 'I1', strength: 1 }], cost: 10, pin: 'out', risk: 3 }),
]

/** Hand computation (type A: DA and BAL weigh 1.5). Targets: I1 own 70; O1 peer p75 50; E1 peer
 *  null → 75; others 75. Gaps: E1 35 (w 1), I1 10 (w 1), O1 20 (w 1.5), U1 25 (w 1.5), B2 5
 *  (w 1.5), E2 10 (w 1), T3 0 (suppressed). Alpha: impact 35·3/3 + 1.5·20·2/3 = 55, value 4/3,
 *  risk 1 → 73.333…; beta/Beta: 10 · 1 · 1.125 = 11.25; Delta 0; Foxtrot: 35/3 · 5/3 · 0.625 =
 *  12.152…; Golf: 10/3 · 1 · 0.875 = 2.916…. */
const base: RecommendationInput = {
  instrument: v1, results, targets: { I1: 70 }, peerP75: { O1: 50, E1: null }, initiatives,
}

describe('recommend', () => {
  const rec = recommend({ ...base, budget: 160 })

  it('ranks active initiatives by Score, ties by title in code-point order', () => {
    expect(rec.ranking.map((r) => r.initiativeId)).toEqual(['ini_a', 'ini_f', 'ini_c', 'ini_b', 'ini_g', 'ini_d'])
    const [a, f] = rec.ranking
    expect(a.score).toBeCloseTo(55 * (4 / 3), 12)
    expect(a.ratio).toBeCloseTo((55 * (4 / 3)) / 100, 12)
    expect(f.score).toBeCloseTo((35 / 3) * (5 / 3) * 0.625, 12)
    expect(f.ratio).toBeNull()
    expect(rec.ranking[2].score).toBe(11.25)
    expect(a.explanation).toEqual({
      gaps: [
        { factorId: 'E1', score: 40, target: 75, gap: 35, weight: 1, strength: 3, contribution: 35 },
        { factorId: 'O1', score: 30, target: 50, gap: 20, weight: 1.5, strength: 2, contribution: 20 },
      ],
      impact: 55,
      valueFactor: 4 / 3,
      riskFactor: 1,
    })
    expect(rec.ranking[5].explanation.gaps[0]).toMatchObject({ factorId: 'T3', score: null, gap: 0 })
  })

  it('lists inactive initiatives as excluded with their status', () => {
    expect(rec.excluded).toEqual([{ initiativeId: 'ini_e', reason: 'done' }])
  })

  it('chooses the optimal portfolio within budget and band, ties by cost then ids', () => {
    expect(rec.portfolio).toEqual({
      initiativeIds: ['ini_a', 'ini_b'],
      totalCost: 150,
      totalScore: 55 * (4 / 3) + 11.25,
      innovationShare: 50 / 150,
      bandMet: true,
      budgetMet: true,
      exact: true,
      optimalityGap: 0,
      leftOut: [
        { initiativeId: 'ini_f', reason: 'no_cost' },
        { initiativeId: 'ini_c', reason: 'budget' },
        { initiativeId: 'ini_g', reason: 'pinned_out' },
        { initiativeId: 'ini_d', reason: 'no_open_gap' },
      ],
    })
  })

  it('falls back without the band (bandMet false) when no set meets it', () => {
    const p = recommend({ ...base, budget: 100 }).portfolio
    expect(p).toMatchObject({ initiativeIds: ['ini_a'], bandMet: false, budgetMet: true, innovationShare: 0 })
    expect(p?.leftOut.find((l) => l.initiativeId === 'ini_b')?.reason).toBe('budget')
  })

  it('reports the band as the reason when an initiative fits the budget but breaks the band', () => {
    const p = recommend({ ...base, budget: 1000, bands: { A: { min: 0.2, max: 0.34 } } }).portfolio
    expect(p?.initiativeIds).toEqual(['ini_a', 'ini_b'])
    expect(p?.leftOut.find((l) => l.initiativeId === 'ini_c')?.reason).toBe('band')
  })

  it('returns pinned-in initiatives over budget with budgetMet false, and empty when nothing fits', () => {
    const pinned = initiatives.map((i) => (i.id === 'ini_d' ? { ...i, pin: 'in' as const } : i))
    expect(recommend({ ...base, initiatives: pinned, budget: 5 }).portfolio).toMatchObject({
      initiativeIds: ['ini_d'], totalCost: 10, budgetMet: false, bandMet: false,
    })
    expect(recommend({ ...base, budget: 5 }).portfolio).toMatchObject({
      initiativeIds: [], totalCost: 0, totalScore: 0, innovationShare: null, bandMet: false, budgetMet: true,
    })
    expect(recommend(base).portfolio).toBeUndefined()
  })

  it('lists uncovered gaps by w·g, then instrument order, with suggestions', () => {
    expect(rec.uncoveredGaps.map((g) => [g.factorId, g.gap, g.weight])).toEqual([
      ['U1', 25, 1.5],
      ['E2', 10, 1],
      ['B2', 5, 1.5],
    ])
    expect(rec.uncoveredGaps[0].suggestions.length).toBeGreaterThanOrEqual(2)
  })
})

describe('targets, weights and bands', () => {
  it('takes the own target, then a non-null peer p75, then 75', () => {
    expect(factorTarget('E1', { E1: 90 }, { E1: 60 })).toBe(90)
    expect(factorTarget('E1', {}, { E1: 60 })).toBe(60)
    expect(factorTarget('E1', {}, { E1: null })).toBe(75)
    expect(factorTarget('E1', {}, null)).toBe(75)
  })

  it.each([
    ['A', [], ['ORG', 'USR', 'TEK', 'BAL']],
    ['B', [], ['INN', 'BAL']],
    ['C', [], ['ORG', 'USR', 'TEK']],
    [null, [], []],
    [null, ['efficiency_creep'], ['INN']],
    ['C', ['innovation_without_base'], ['ORG', 'USR', 'TEK', 'EFF']],
  ] as const)('type %s with flags %j emphasises %j', (type, flags, want) => {
    expect([...emphasisedCategories(v1, type, flags, {})].sort()).toEqual([...want].sort())
  })

  it('D emphasises the lowest category of each dimension, all tied lowest', () => {
    const cats = { EFF: 60, INN: 50, BAL: 50.0000000001, ORG: 70, USR: null, TEK: 80 }
    expect([...emphasisedCategories(v1, 'D', [], cats)].sort()).toEqual(['BAL', 'INN', 'ORG'])
  })

  it('uses default bands unless overridden, 0–1 without a type', () => {
    expect(bandFor('D')).toEqual({ min: 0.3, max: 0.7 })
    expect(bandFor('B', { B: { min: 0, max: 0.1 } })).toEqual({ min: 0, max: 0.1 })
    expect(bandFor(null, { A: { min: 0.5, max: 0.5 } })).toEqual({ min: 0, max: 1 })
  })

  it('has 2–3 suggestions per factor incl. a competence action (train or recruit)', () => {
    for (const f of allFactors(v1)) {
      const list = SUGGESTIONS[f.id]
      expect(list.length).toBeGreaterThanOrEqual(2)
      expect(list.length).toBeLessThanOrEqual(3)
      expect(list.some((s) => /train|recruit/i.test(s.en) && /utbild|rekryt/i.test(s.sv))).toBe(true)
    }
  })
})
