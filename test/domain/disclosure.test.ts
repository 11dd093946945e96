import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { publishRound, respondentFactorScores, formLayout, type CompactResponse, type Group, type ScoreSet } from '../../worker/domain'
import { suppress, type Tabulation } from '../../worker/domain/disclosure/atoms'
import type { RespondentRole } from '../../schema/enums'
import { v1 } from './helpers'
import { atomSizesOf, isolatedSet, shownSystems } from './disclosure-check'

const SHORT_ITEMS = 26

/** A random round on the short form: roles, units (or none) and answers with a per-round share
 *  of "don't know", so that the respondents behind a factor differ from factor to factor. */
const roundArb = (maxR: number, units: string[], roles: RespondentRole[]) =>
  fc.record({ k: fc.integer({ min: 3, max: 5 }), dontKnow: fc.constantFrom(0, 0.15, 0.4, 0.8) }).chain(({ k, dontKnow }) =>
    fc.record({
      k: fc.constant(k),
      responses: fc.array(
        fc.record({
          role: fc.constantFrom(...roles),
          unitId: fc.constantFrom<string | null>(null, ...units),
          codes: fc
            .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 6 })), { minLength: SHORT_ITEMS, maxLength: SHORT_ITEMS })
            .map((xs) => xs.map(([p, v]) => (p < dontKnow ? 'x' : String(v))).join('')),
        }),
        { minLength: k, maxLength: maxR },
      ),
    }),
  )

/** Which cells are shown and why the others are hidden, with every n (no float values). */
const hiddenPattern = (p: ReturnType<typeof publishRound>) => {
  const cells = (set: ScoreSet) => [set.overall, ...set.dimensions, ...set.categories, ...set.factors].map((s) => `${s.id}:${s.n}:${s.percent === null ? (s.hidden ?? '-') : 'shown'}`)
  const groups = (list: Group[]) => list.map((g) => ('suppressed' in g ? `${g.id}:${g.hidden}` : [g.id, ...cells(g)].join(' ')))
  return [cells(p.results).join(' '), ...groups(p.breakdowns.role), ...groups(p.breakdowns.unit)]
}

describe('publishRound: one system of cells per round', () => {
  it('leaves no atom of shown cells with 0 < size < k, at any level', () => {
    fc.assert(
      fc.property(roundArb(40, ['unt_a', 'unt_b', 'unt_c', 'unt_d', 'unt_e'], ['management', 'manager', 'it', 'staff', 'other']), ({ k, responses }) => {
        const published = publishRound(v1, 'short', k, responses as CompactResponse[])
        for (const system of shownSystems(v1, 'short', responses, published)) {
          for (const cell of system.cells) expect(cell.members.length, `${system.level} ${cell.group} n`).toBe(cell.n)
          for (const size of atomSizesOf(system, responses.length)) expect(size, system.level).toBeGreaterThanOrEqual(k)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('no linear combination of one level’s shown cells isolates fewer than k respondents (exact ranks)', () => {
    fc.assert(
      fc.property(roundArb(11, ['unt_a', 'unt_b'], ['manager', 'staff', 'it']), ({ k, responses }) => {
        const published = publishRound(v1, 'short', k, responses as CompactResponse[])
        const seen = new Set<string>()
        for (const system of shownSystems(v1, 'short', responses, published)) {
          const key = JSON.stringify(system.cells.map((c) => c.members))
          if (seen.has(key)) continue
          seen.add(key)
          expect(isolatedSet(system, responses.length, k - 1), system.level).toBeNull()
        }
      }),
      { numRuns: 60 },
    )
  })

  it('is deterministic, and which cells are hidden does not depend on the respondents’ order', () => {
    fc.assert(
      fc.property(roundArb(30, ['unt_a', 'unt_b', 'unt_c'], ['manager', 'staff', 'it']), fc.integer(), ({ k, responses }, seed) => {
        const rs = responses as CompactResponse[]
        const a = publishRound(v1, 'short', k, rs)
        expect(publishRound(v1, 'short', k, rs)).toEqual(a)
        const shuffled = rs.map((r, i) => ({ r, key: Math.imul(i + 1, seed | 1) >>> 0 })).sort((x, y) => x.key - y.key).map((x) => x.r)
        expect(hiddenPattern(publishRound(v1, 'short', k, shuffled))).toEqual(hiddenPattern(a))
      }),
      { numRuns: 100 },
    )
  })

  it('keeps every shown factor of every group exact: the mean over the group’s qualifying respondents', () => {
    const layout = formLayout(v1, 'short')
    fc.assert(
      fc.property(roundArb(30, ['unt_a', 'unt_b'], ['manager', 'staff']), ({ k, responses }) => {
        const rs = responses as CompactResponse[]
        const published = publishRound(v1, 'short', k, rs)
        const F = layout.factors.length
        for (const by of ['role', 'unit'] as const) {
          for (const g of published.breakdowns[by] as Group[]) {
            if ('suppressed' in g) continue
            const members = rs.filter((r) => (by === 'role' ? r.role : (r.unitId ?? 'unassigned')) === g.id)
            const m = respondentFactorScores(layout, members)
            g.factors.forEach((s, f) => {
              if (s.percent === null) return
              const values = members.map((_, r) => m[r * F + f]).filter((v) => !Number.isNaN(v))
              expect(s.percent).toBe((values.reduce((x, y) => x + y, 0) / values.length) * 100)
            })
          }
        }
      }),
      { numRuns: 100 },
    )
  })
})

describe('publishRound: the attacks', () => {
  const answers = (value: string) => value.repeat(SHORT_ITEMS)
  const person = (role: RespondentRole, unitId: string | null, codes = answers('4')): CompactResponse => ({ role, unitId, codes })

  it('across breakdowns: managers (6) and unit U1 (5 managers) are never both shown', () => {
    const responses = [
      ...Array.from({ length: 5 }, () => person('manager', 'unt_1')),
      ...Array.from({ length: 5 }, () => person('staff', 'unt_2')),
      person('manager', 'unt_2', answers('6')),
    ]
    const { breakdowns } = publishRound(v1, 'short', 5, responses)
    const shown = (list: Group[], id: string) => list.some((g) => g.id === id && !('suppressed' in g))
    expect(shown(breakdowns.role, 'manager') && shown(breakdowns.unit, 'unt_1')).toBe(false)
    expect(shown(breakdowns.role, 'staff') && shown(breakdowns.unit, 'unt_2')).toBe(false)
    const hidden = [...breakdowns.role, ...breakdowns.unit].filter((g) => 'suppressed' in g)
    expect(hidden.length).toBeGreaterThan(0)
    for (const g of hidden) expect(g).toMatchObject({ suppressed: true, hidden: 'differencing' })
  })

  it('a factor hidden inside a group: the group beside it hides that factor too', () => {
    const responses = [
      ...Array.from({ length: 5 }, () => person('staff', null)),
      person('management', null, `5${answers('3').slice(1)}`),
      ...Array.from({ length: 4 }, () => person('management', null, `x${answers('3').slice(1)}`)),
    ]
    const { results, breakdowns } = publishRound(v1, 'short', 5, responses)
    const [management, staff] = breakdowns.role as Extract<Group, { n: number }>[]
    expect(results.factors[0]).toMatchObject({ n: 6 })
    expect(results.factors[0].percent).not.toBeNull()
    expect(management.factors[0]).toMatchObject({ n: 1, percent: null, hidden: 'below_k' })
    expect(staff.factors[0]).toMatchObject({ n: 5, percent: null, ci: null, hidden: 'differencing' })
    expect(staff.factors[1].percent).toBe(60)
  })
})

describe('suppress', () => {
  const tab = (cellOf: number[], cells: number): Tabulation => ({ cellOf: Int32Array.from(cellOf), hidden: Array.from({ length: cells }, () => null), rank: Array.from({ length: cells }, (_, i) => i) })

  it('within one breakdown it hides the small group and then the smallest shown group, lowest id first', () => {
    const whole = tab([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1)
    const groups = tab([0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2], 3)
    expect(suppress([whole, groups], 5)).toEqual([{ t: 1, c: 2 }])
    expect(groups.hidden).toEqual(['below_k', null, 'differencing'])
    expect(whole.hidden).toEqual([null])
  })

  it('never hides the whole organisation for differencing', () => {
    const whole = tab([0, 0, 0, 0, 0, 0], 1)
    const a = tab([0, 0, 0, 0, 0, -1], 1)
    expect(suppress([whole, a], 5)).toEqual([{ t: 1, c: 0 }])
    expect(whole.hidden).toEqual([null])
  })
})
