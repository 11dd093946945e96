import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { participationStale, participationSummary, PARTICIPATION_REFRESH_MS, type ParticipationCell } from '../../worker/domain'
import { RESPONDENT_ROLES, RESPONDENT_STATUSES, type RespondentRole } from '../../schema/enums'

interface Person {
  role: RespondentRole
  unitId: string | null
}

const cellsOf = (people: Person[]): ParticipationCell[] => people.map((p) => ({ ...p, status: 'invited', n: 1 }))

/** Whether `target` lies in the span of `rows` (rationals; small integers keep floats exact enough). */
function inSpan(rows: number[][], target: number[]): boolean {
  const m = [...rows.map((r) => [...r]), [...target]]
  const width = target.length
  const basis: number[][] = []
  const reduce = (v: number[]) => {
    const x = [...v]
    for (const b of basis) {
      const pivot = b.findIndex((y) => Math.abs(y) > 1e-9)
      if (Math.abs(x[pivot]) > 1e-9) {
        const f = x[pivot] / b[pivot]
        for (let i = 0; i < width; i++) x[i] -= f * b[i]
      }
    }
    return x
  }
  for (const r of m.slice(0, -1)) {
    const x = reduce(r)
    if (x.some((y) => Math.abs(y) > 1e-9)) {
      basis.push(x)
    }
  }
  return reduce(m[m.length - 1]).every((y) => Math.abs(y) < 1e-9)
}

function* subsetsBelow(n: number, k: number, start = 0, picked: number[] = []): Generator<number[]> {
  if (picked.length > 0) yield picked
  if (picked.length === k - 1) return
  for (let i = start; i < n; i++) yield* subsetsBelow(n, k, i + 1, [...picked, i])
}

describe('participationSummary', () => {
  it('counts cumulatively and hides groups below k', () => {
    const cells: ParticipationCell[] = [
      { role: 'staff', unitId: 'unt_a', status: 'submitted', n: 2 },
      { role: 'staff', unitId: 'unt_a', status: 'invited', n: 3 },
      { role: 'staff', unitId: null, status: 'started', n: 1 },
    ]
    expect(participationSummary(cells, 5)).toEqual({
      total: { invited: 6, started: 3, submitted: 2, rate: 2 / 6 },
      byRole: [{ role: 'staff', invited: 6, started: 3, submitted: 2, rate: 2 / 6 }],
      // unassigned (1) is hidden, so unt_a follows from the total and is hidden too.
      byUnit: [{ unitId: 'unt_a', suppressed: true }, { unitId: null, suppressed: true }],
    })
  })

  it('hides the counts of a round smaller than k, but not its invitations', () => {
    const cells: ParticipationCell[] = [{ role: 'it', unitId: null, status: 'submitted', n: 2 }]
    expect(participationSummary(cells, 3).total).toEqual({ invited: 2, started: null, submitted: null, rate: null, suppressed: true })
  })

  it('recounts a snapshot only once it is 10 minutes old', () => {
    const at = Date.parse('2026-05-01T10:00:00Z')
    expect(participationStale(null, at)).toBe(true)
    expect(participationStale('2026-05-01T10:00:00Z', at + PARTICIPATION_REFRESH_MS - 1)).toBe(false)
    expect(participationStale('2026-05-01T10:00:00Z', at + PARTICIPATION_REFRESH_MS)).toBe(true)
  })

  /** THE PROPERTY: the published numbers (the total and every shown group of both dimensions) are
   *  sums over sets of people; no linear combination of them equals the sum over a set of fewer
   *  than k people, so nobody's submission (nor a pair's, …) can be worked out. */
  it('no combination of shown groups isolates fewer than k people', () => {
    const person = fc.record({ role: fc.constantFrom(...RESPONDENT_ROLES.slice(0, 3)), unitId: fc.constantFrom('unt_a', 'unt_b', 'unt_c', null) })
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 11 }), fc.integer({ min: 3, max: 4 }), (people, k) => {
        const summary = participationSummary(cellsOf(people), k)
        const rows: number[][] = []
        if (!summary.total.suppressed) rows.push(people.map(() => 1))
        for (const g of summary.byRole) if (!('suppressed' in g)) rows.push(people.map((p) => (p.role === g.role ? 1 : 0)))
        for (const g of summary.byUnit) if (!('suppressed' in g)) rows.push(people.map((p) => (p.unitId === g.unitId ? 1 : 0)))
        for (const s of subsetsBelow(people.length, k)) {
          const target = people.map((_, i) => (s.includes(i) ? 1 : 0))
          if (inSpan(rows, target)) return false
        }
        return true
      }),
      { numRuns: 300 },
    )
  })

  it('knows every status', () => {
    for (const status of RESPONDENT_STATUSES) expect(() => participationSummary([{ role: 'it', unitId: null, status, n: 3 }], 3)).not.toThrow()
  })
})
