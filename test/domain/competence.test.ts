import { describe, expect, it } from 'vitest'
import { allFactors, getInstrument } from '../../schema/instruments'
import { COMPETENCE_NEEDS, COMPETENCE_ROLES, competenceAction, competencePlan, PLAN_GAP_COUNT } from '../../worker/domain/portfolio/competence'
import type { FactorGap } from '../../worker/domain/portfolio/gaps'

const factors = allFactors(getInstrument('v1')!)

describe('competence needs per factor', () => {
  it.each(factors.map((f) => [f.id]))('%s has roles and a competence action from the suggestions library', (id) => {
    const needs = COMPETENCE_NEEDS[id]
    expect(needs.length).toBeGreaterThan(0)
    for (const [role] of needs) expect(COMPETENCE_ROLES[role]).toBeDefined()
    const action = competenceAction(id)
    expect(action?.en).toMatch(/train|recruit|upskill/i)
    expect(action?.sv).toMatch(/utbilda|rekrytera|vidareutbilda/i)
  })

  it('names only instrument factors', () => {
    expect(Object.keys(COMPETENCE_NEEDS).sort()).toEqual(factors.map((f) => f.id).sort())
  })
})

const gap = (factorId: string, g: number, weight = 1): FactorGap => ({ factorId, score: 75 - g, target: 75, gap: g, weight })

describe('competencePlan', () => {
  it.each([
    { name: 'largest weighted gaps, ties in instrument order', gaps: [gap('E1', 10), gap('E2', 10), gap('E3', 30), gap('I1', 0)], weak: [], out: ['E3', 'E1', 'E2'] },
    { name: 'weight counts', gaps: [gap('E1', 10, 1.5), gap('E2', 14)], weak: [], out: ['E1', 'E2'] },
    { name: 'a weakness without a gap joins last', gaps: [gap('E1', 0), gap('E2', 5)], weak: ['E1'], out: ['E2', 'E1'] },
    { name: `at most ${PLAN_GAP_COUNT} by gap`, gaps: ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7'].map((f, i) => gap(f, 10 + i)), weak: ['E1'], out: ['E7', 'E6', 'E5', 'E4', 'E3', 'E1'] },
    { name: 'nothing weak, no gap: empty', gaps: [gap('E1', 0)], weak: [], out: [] },
  ])('$name', ({ gaps, weak, out }) => {
    expect(competencePlan(gaps, weak).map((i) => i.factorId)).toEqual(out)
  })
})
