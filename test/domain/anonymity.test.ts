import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { hiddenGroups } from '../../worker/domain/anonymity'
import { partitionResponses } from '../../worker/domain/breakdown'
import { breakdown } from '../../worker/domain/disclosure/publish'
import { scoreRound } from '../../worker/domain/results'
import type { Group } from '../../worker/domain/types'
import { respond, times, v1 } from './helpers'

const counts = (pairs: [string, number][]) => pairs.map(([id, n]) => ({ id, n }))
const sorted = (s: Set<string>) => [...s].sort()

describe('hiddenGroups', () => {
  it.each([
    ['nothing hidden when all groups reach k', [['a', 5], ['b', 5]], 5, []],
    ['a small group and the smallest shown group', [['a', 2], ['b', 6], ['c', 5]], 5, ['a', 'c']],
    ['ties among shown groups: lowest id', [['x', 1], ['c', 6], ['b', 6]], 5, ['b', 'x']],
    ['two small groups that together reach k', [['a', 2], ['b', 3], ['c', 9]], 5, ['a', 'b']],
    ['keeps hiding until the hidden total reaches k', [['a', 1], ['b', 5], ['c', 5], ['d', 9]], 7, ['a', 'b', 'c']],
    ['k − 1 hidden, k shown', [['a', 4], ['b', 5]], 5, ['a', 'b']],
  ] as [string, [string, number][], number, string[]][])('%s', (_, groups, k, want) => {
    expect(sorted(hiddenGroups(counts(groups), k))).toEqual(want)
  })
})

/** THE PROPERTY: with the organisation's total (n ≥ k) and every shown group known, the only
 *  thing subtraction yields is the pool of all hidden groups. After suppression that pool is
 *  either empty or holds ≥ k responses from ≥ 2 groups, so no single hidden group (and no group
 *  below k) can be isolated: every shown group has ≥ k responses, and the hidden total is 0 or
 *  ≥ k with more than one hidden group. */
describe('anonymity property', () => {
  const groupsArb = fc
    .uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { minLength: 1, maxLength: 12 })
    .chain((ids) =>
      fc.tuple(fc.constant(ids), fc.array(fc.integer({ min: 1, max: 15 }), { minLength: ids.length, maxLength: ids.length })),
    )
    .map(([ids, ns]) => ids.map((id, i) => ({ id, n: ns[i] })))

  it('no hidden group is recoverable from the total and the shown groups', () => {
    fc.assert(
      fc.property(groupsArb, fc.integer({ min: 3, max: 12 }), (groups, k) => {
        const total = groups.reduce((s, g) => s + g.n, 0)
        fc.pre(total >= k) // results exist only with n ≥ k
        const hidden = hiddenGroups(groups, k)
        const shown = groups.filter((g) => !hidden.has(g.id))
        const hiddenTotal = total - shown.reduce((s, g) => s + g.n, 0)
        for (const g of shown) expect(g.n).toBeGreaterThanOrEqual(k)
        for (const g of groups) if (g.n < k) expect(hidden.has(g.id)).toBe(true)
        expect(hiddenTotal === 0 || hiddenTotal >= k).toBe(true)
        expect(hidden.size).not.toBe(1)
      }),
      { numRuns: 1000 },
    )
  })

  it('holds on real breakdowns by unit, with shown groups scored like the organisation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(null, 'unt_a', 'unt_b', 'unt_c', 'unt_d'), fc.constantFrom(2, 4, 6)), {
          minLength: 3,
          maxLength: 25,
        }),
        fc.integer({ min: 3, max: 5 }),
        (rows, k) => {
          fc.pre(rows.length >= k)
          const responses = rows.map(([unitId, v]) => respond(v as 2 | 4 | 6, {}, { unitId }))
          const groups = breakdown(v1, 'full', k, responses, 'unit')
          const hidden = groups.filter((g): g is Extract<Group, { suppressed: true }> => 'suppressed' in g)
          const shown = groups.filter((g): g is Exclude<Group, { suppressed: true }> => !('suppressed' in g))
          const hiddenTotal = responses.length - shown.reduce((s, g) => s + g.n, 0)
          expect(hiddenTotal === 0 || hiddenTotal >= k || shown.length === 0).toBe(true)
          expect(hidden.length).not.toBe(1)
          for (const g of shown) {
            expect(g.n).toBeGreaterThanOrEqual(k)
            const own = scoreRound(v1, 'full', k, responses.filter((r) => (r.unitId ?? 'unassigned') === g.id))
            expect(g.overall).toEqual(own.overall)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('breakdown', () => {
  it('orders roles as the enum, omits empty groups, hides and scores', () => {
    const responses = [
      ...times(5, respond(6, {}, { role: 'staff' })),
      ...times(6, respond(4, {}, { role: 'it' })),
      ...times(2, respond(1, {}, { role: 'management' })),
    ]
    const groups = breakdown(v1, 'full', 5, responses, 'role')
    expect(groups.map((g) => g.id)).toEqual(['management', 'it', 'staff'])
    expect(groups[0]).toEqual({ id: 'management', suppressed: true, hidden: 'below_k' })
    // management (2) is hidden, so the smallest shown group (staff, 5) is hidden as well.
    expect(groups[2]).toEqual({ id: 'staff', suppressed: true, hidden: 'differencing' })
    expect(groups[1]).toMatchObject({ id: 'it', n: 6, overall: { percent: 60 } })
  })

  it('puts respondents without a unit in `unassigned`, listed last', () => {
    const responses = [respond(4, {}, { unitId: 'unt_b' }), respond(4, {}, { unitId: null }), respond(4, {}, { unitId: 'unt_a' })]
    expect(partitionResponses(responses, 'unit').map((g) => g.id)).toEqual(['unt_a', 'unt_b', 'unassigned'])
  })
})
