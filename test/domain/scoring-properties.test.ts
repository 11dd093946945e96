import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { RESPONDENT_ROLES } from '../../schema/enums'
import type { AnswerValue } from '../../schema/instruments'
import { scoreRound } from '../../worker/domain/results'
import { breakdown } from '../../worker/domain/disclosure/publish'
import { round9 } from '../../worker/domain/round'
import type { CompactResponse, RoundResults, Score, SubmittedResponse } from '../../worker/domain/types'
import { FULL_IDS, SHORT_IDS, v1 } from './helpers'

const answerArb: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 6) },
  { weight: 1, arbitrary: fc.constant<AnswerValue>('dont_know') },
  { weight: 1, arbitrary: fc.constant(undefined) },
)

function responseArb(ids: readonly string[]): fc.Arbitrary<SubmittedResponse> {
  return fc
    .record({
      values: fc.array(answerArb, { minLength: ids.length, maxLength: ids.length }),
      role: fc.constantFrom(...RESPONDENT_ROLES),
      unitId: fc.constantFrom(null, 'unt_a', 'unt_b'),
    })
    .map(({ values, role, unitId }) => {
      const answers: Record<string, AnswerValue> = {}
      ids.forEach((id, i) => {
        if (values[i] !== undefined) answers[id] = values[i] as AnswerValue
      })
      return { answers, role, unitId }
    })
}

const roundArb = fc.constantFrom<'full' | 'short'>('full', 'short').chain((form) =>
  fc.record({
    form: fc.constant(form),
    k: fc.integer({ min: 3, max: 6 }),
    responses: fc.array(responseArb(form === 'full' ? FULL_IDS : SHORT_IDS), { minLength: 0, maxLength: 14 }),
  }),
)

const allScores = (r: RoundResults): Score[] => [r.overall, ...r.dimensions, ...r.categories, ...r.factors]

/** Results with every number rounded to 9 decimals (summation order may move the last bits). */
function normalise(value: unknown): unknown {
  if (typeof value === 'number') return round9(value)
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]))
  }
  return value
}

describe('scoring properties', () => {
  it('every percent lies in [0, 100] and every share in [0, 1]', () => {
    fc.assert(
      fc.property(roundArb, ({ form, k, responses }) => {
        const res = scoreRound(v1, form, k, responses)
        for (const s of allScores(res)) {
          if (s.percent !== null) {
            expect(s.percent).toBeGreaterThanOrEqual(0)
            expect(s.percent).toBeLessThanOrEqual(100)
          }
          if (s.suppressed) expect(s.n).toBeLessThan(k)
        }
        for (const d of [...res.dontKnow, ...res.dontKnowFactors]) {
          expect(d.share).toBeGreaterThanOrEqual(0)
          expect(d.share).toBeLessThanOrEqual(1)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('raising one answer never lowers its factor score', () => {
    fc.assert(
      fc.property(roundArb, fc.nat(), fc.nat(), ({ form, k, responses }, ri, ii) => {
        if (responses.length === 0) return
        const r = ri % responses.length
        const ids = form === 'full' ? FULL_IDS : SHORT_IDS
        const answered = ids.filter((id) => typeof responses[r].answers[id] === 'number')
        if (answered.length === 0) return
        const itemId = answered[ii % answered.length]
        const before = responses[r].answers[itemId] as number
        if (before === 6) return
        const raised = responses.map((resp, j) =>
          j === r ? { ...resp, answers: { ...resp.answers, [itemId]: (before + 1) as AnswerValue } } : resp,
        )
        const factorId = itemId.split('.')[0]
        const a = scoreRound(v1, form, k, responses).factors.find((f) => f.id === factorId) as Score
        const b = scoreRound(v1, form, k, raised).factors.find((f) => f.id === factorId) as Score
        expect(b.n).toBe(a.n)
        if (a.percent !== null) expect(round9(b.percent as number)).toBeGreaterThanOrEqual(round9(a.percent))
      }),
      { numRuns: 200 },
    )
  })

  it('respondent order changes nothing', () => {
    fc.assert(
      fc.property(
        roundArb.chain((round) =>
          fc.record({ round: fc.constant(round), order: fc.shuffledSubarray(round.responses, { minLength: round.responses.length }) }),
        ),
        ({ round, order }) => {
          const a = scoreRound(v1, round.form, round.k, round.responses)
          const b = scoreRound(v1, round.form, round.k, order)
          expect(normalise(b)).toEqual(normalise(a))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('scores the compact snapshot form exactly as the answer maps, breakdowns included', () => {
    const compact = (ids: readonly string[], r: SubmittedResponse): CompactResponse => ({
      codes: ids.map((id) => { const a = r.answers[id]; return a === 'dont_know' ? 'x' : a === undefined ? '.' : String(a) }).join(''),
      role: r.role,
      unitId: r.unitId,
    })
    fc.assert(
      fc.property(roundArb, ({ form, k, responses }) => {
        const ids = form === 'full' ? FULL_IDS : SHORT_IDS
        const codes = responses.map((r) => compact(ids, r))
        expect(scoreRound(v1, form, k, codes)).toEqual(scoreRound(v1, form, k, responses))
        expect(breakdown(v1, form, k, codes, 'unit')).toEqual(breakdown(v1, form, k, responses, 'unit'))
      }),
      { numRuns: 200 },
    )
  })
})
