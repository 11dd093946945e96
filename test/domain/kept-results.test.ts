import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import type { AnswerValue } from '../../schema/instruments'
import type { RespondentRole } from '../../schema/enums'
import { hasResults, MAX_K, publishRound } from '../../worker/domain'
import type { SubmittedResponse } from '../../worker/domain/types'
import { keepResults, resultsAt, type KeptResults } from '../../worker/domain/kept-results'
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
      unitId: fc.constantFrom(null, 'unt_a', 'unt_b', 'unt_b', 'unt_c', 'unt_c', 'unt_c'),
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
    responses: fc.array(responseArb(form === 'full' ? FULL_IDS : SHORT_IDS), { minLength: 0, maxLength: 40 }),
  }),
)

/** What the publisher gives from the answers themselves at k (the stored results body). */
function published(form: 'full' | 'short', k: number, responses: SubmittedResponse[]): string | null {
  return hasResults(responses.length, k) ? JSON.stringify(publishRound(v1, form, k, responses)) : null
}

/** The kept bodies as the database returns them. */
const stored = (kept: KeptResults[]): KeptResults[] => JSON.parse(JSON.stringify(kept)) as KeptResults[]

describe('the results a closed round keeps instead of its answers', () => {
  it('are byte for byte what publishRound gives from the answers, at the k at close and every higher k', () => {
    fc.assert(
      fc.property(roundArb, ({ form, kClose, raise, responses }) => {
        const kept = stored(keepResults('v1', form, kClose, responses))
        for (const k of [kClose, kClose + raise]) expect(resultsAt(kept, k)?.body).toBe(published(form, k, responses))
        expect(resultsAt(kept, kClose + raise)?.n).toBe(responses.length)
      }),
      { numRuns: 150 },
    )
  })

  it('cover every k from the k at close to MAX_K once, each distinct body once', () => {
    fc.assert(
      fc.property(roundArb, ({ form, kClose, responses }) => {
        const kept = keepResults('v1', form, kClose, responses)
        expect(kept[0].kFrom).toBe(kClose)
        expect(kept.at(-1)!.kTo).toBe(MAX_K)
        kept.forEach((r, i) => {
          expect(r.kTo).toBeGreaterThanOrEqual(r.kFrom)
          if (i > 0) {
            expect(r.kFrom).toBe(kept[i - 1].kTo + 1)
            expect(r.body).not.toBe(kept[i - 1].body)
          }
        })
      }),
      { numRuns: 50 },
    )
  })

  it('never fall below the k at close: a lower k reads the body of the k at close', () => {
    const responses = [...times(4, respond(5, {}, { role: 'staff', unitId: 'unt_a' })), ...times(3, respond(2, {}, { role: 'manager', unitId: 'unt_b' }))]
    const kept = keepResults('v1', 'full', 4, responses)
    expect(resultsAt(kept, 3)).toEqual({ k: 3, n: 7, body: published('full', 4, responses) })
    // At 4 the managers (3) are hidden, and so the staff, so that 3 cannot be subtracted.
    const byRole = JSON.parse(resultsAt(kept, 3)!.body!).breakdowns.role as { id: string; hidden?: string }[]
    expect(byRole.map((g) => [g.id, g.hidden])).toEqual([['manager', 'below_k'], ['staff', 'differencing']])
    expect(published('full', 3, responses)).not.toBe(resultsAt(kept, 3)!.body)
  })

  it('keep nothing of a round below its k at close, for any k', () => {
    const kept = keepResults('v1', 'short', 5, times(4, respond(3, {}, { form: 'short' })))
    expect(kept).toEqual([{ kFrom: 5, kTo: MAX_K, n: 4, body: null }])
    expect(resultsAt(kept, 3)).toEqual({ k: 3, n: 4, body: null })
  })
})
