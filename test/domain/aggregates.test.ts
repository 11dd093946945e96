import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import type { AnswerValue } from '../../schema/instruments'
import type { RespondentRole } from '../../schema/enums'
import { aggregateRound, resultsFromAggregate, type RoundAggregate } from '../../worker/domain/aggregates'
import { breakdown } from '../../worker/domain/breakdown'
import { hasResults, scoreRound } from '../../worker/domain/results'
import type { SubmittedResponse } from '../../worker/domain/types'
import { FULL_IDS, SHORT_IDS, respond, times, v1 } from './helpers'

/** Many don't-knows and gaps, so that factors of one round have many different n. */
const answerArb: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 6) },
  { weight: 1, arbitrary: fc.constant<AnswerValue>('dont_know') },
  { weight: 1, arbitrary: fc.constant(undefined) },
)

function responseArb(ids: readonly string[]): fc.Arbitrary<SubmittedResponse> {
  return fc
    .record({
      values: fc.array(answerArb, { minLength: ids.length, maxLength: ids.length }),
      role: fc.constantFrom<RespondentRole>('manager', 'it', 'staff', 'staff', 'staff'),
      unitId: fc.constantFrom(null, 'unt_a', 'unt_b', 'unt_b'),
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
    kClose: fc.integer({ min: 3, max: 6 }),
    raise: fc.integer({ min: 0, max: 10 }),
    responses: fc.array(responseArb(form === 'full' ? FULL_IDS : SHORT_IDS), { minLength: 0, maxLength: 30 }),
  }),
)

/** What the results row held before the freeze existed: everything scored from the answers. */
function fromAnswers(form: 'full' | 'short', k: number, responses: SubmittedResponse[]): string | null {
  if (!hasResults(responses.length, k)) return null
  return JSON.stringify({
    results: scoreRound(v1, form, k, responses),
    breakdowns: { role: breakdown(v1, form, k, responses, 'role'), unit: breakdown(v1, form, k, responses, 'unit') },
  })
}

/** The aggregates as the database returns them (JSON), then scored. */
function fromStored(form: 'full' | 'short', agg: RoundAggregate, k: number): string | null {
  const body = resultsFromAggregate(v1, form, JSON.parse(JSON.stringify(agg)) as RoundAggregate, k)
  return body ? JSON.stringify(body) : null
}

describe('results from the aggregates of a frozen round', () => {
  it('are byte for byte the results scored from the answers, at the k of the freeze and every higher k', () => {
    fc.assert(
      fc.property(roundArb, ({ form, kClose, raise, responses }) => {
        const agg = aggregateRound(v1, form, kClose, responses)
        expect(fromStored(form, agg, kClose)).toBe(fromAnswers(form, kClose, responses))
        expect(fromStored(form, agg, kClose + raise)).toBe(fromAnswers(form, kClose + raise, responses))
      }),
      { numRuns: 400 },
    )
  })

  it('never fall below the k of the freeze: what it hid was not kept', () => {
    const responses = [...times(4, respond(5, {}, { role: 'staff', unitId: 'unt_a' })), ...times(3, respond(2, {}, { role: 'manager', unitId: 'unt_b' }))]
    const agg = aggregateRound(v1, 'full', 4, responses)
    expect(fromStored('full', agg, 3)).toBe(fromAnswers('full', 4, responses))
    // At 4 the managers (3) are hidden, and then the staff too, so that 3 cannot be subtracted.
    const byRole = JSON.parse(fromStored('full', agg, 3)!).breakdowns.role
    expect(byRole).toEqual([{ id: 'manager', suppressed: true }, { id: 'staff', suppressed: true }])
  })

  it('hide a group shown at close once a higher k hides it, by the same show rule', () => {
    const group = (n: number, role: RespondentRole, value: AnswerValue) => times(n, respond(value, {}, { form: 'short', role }))
    const responses = [...group(6, 'staff', 5), ...group(4, 'manager', 2), ...group(5, 'it', 4)]
    const agg = aggregateRound(v1, 'short', 3, responses)
    const roles = (k: number) => JSON.parse(fromStored('short', agg, k)!).breakdowns.role.map((g: { id: string; suppressed?: true }) => [g.id, !!g.suppressed])
    expect(roles(3)).toEqual([['manager', false], ['it', false], ['staff', false]])
    // At 5 the managers (4) fall below k and IT (5), the smallest shown group, goes with them.
    expect(roles(5)).toEqual([['manager', true], ['it', true], ['staff', false]])
    expect(fromStored('short', agg, 5)).toBe(fromAnswers('short', 5, responses))
  })

  it('keep nothing for fewer than k: no group hidden at close, no factor below k, no round below k', () => {
    fc.assert(
      fc.property(roundArb, ({ form, kClose, responses }) => {
        const agg = aggregateRound(v1, form, kClose, responses)
        if (!agg.round) {
          expect(agg).toEqual({ k: kClose, n: responses.length, round: null, dontKnowItems: [], breakdowns: { role: [], unit: [] } })
          return
        }
        const sets = [agg.round, ...[...agg.breakdowns.role, ...agg.breakdowns.unit].flatMap((g) => ('hidden' in g ? [] : [g.aggregate]))]
        for (const set of sets) {
          expect(set.n).toBeGreaterThanOrEqual(kClose)
          for (const f of set.factors) if (f.n < kClose) expect([f.sum, f.sumSq, f.sd]).toEqual([null, null, null])
        }
        const results = JSON.parse(fromStored(form, agg, kClose)!)
        for (const by of ['role', 'unit'] as const) {
          const hidden = results.breakdowns[by].filter((g: { suppressed?: true }) => g.suppressed).map((g: { id: string }) => g.id)
          expect(agg.breakdowns[by].filter((g) => 'hidden' in g).map((g) => g.id)).toEqual(hidden)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('keeps sufficient statistics per factor that reproduce the published mean', () => {
    const responses = [respond(6, {}, { form: 'short' }), respond(1, {}, { form: 'short' }), respond(3, {}, { form: 'short' }), respond('dont_know', {}, { form: 'short' })]
    const agg = aggregateRound(v1, 'short', 3, responses)
    const e1 = agg.round!.factors[0]
    expect(e1).toEqual({ n: 3, dontKnow: 1, sum: 1 + 0 + 0.4, sumSq: 1 + 0 + 0.16000000000000003, sd: expect.any(Number) })
    expect((e1.sum! / e1.n) * 100).toBe(scoreRound(v1, 'short', 3, responses).factors[0].percent)
  })
})
