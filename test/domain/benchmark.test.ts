import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  benchmark,
  benchmarkPrecondition,
  scoreStats,
  selectParticipants,
  sizeClass,
} from '../../worker/domain/benchmark'
import type { BenchmarkAsker, BenchmarkRecord } from '../../worker/domain/benchmark'
import { monthsBefore } from '../../worker/domain/calendar'
import { quantileSorted } from '../../worker/domain/stats'
import { quantileInPlace } from '../../worker/domain/select'
import { scoreIds } from '../../schema/instruments'
import { v1 } from './helpers'

/** Straightforward reference: sort, h = (n − 1)p, interpolate between floor and ceil. */
function refQuantile(values: number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b)
  const h = (xs.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.ceil(h)
  return xs[lo] + (h - lo) * (xs[hi] - xs[lo])
}

const ALL_IDS = scoreIds(v1)
const scores = (value: number | null, over: Record<string, number | null> = {}) => ({
  ...Object.fromEntries(ALL_IDS.map((id) => [id, value])),
  ...over,
})

function record(orgId: string, closedAt: string, value: number | null, extra: Partial<BenchmarkRecord> = {}): BenchmarkRecord {
  return {
    orgId,
    kind: 'municipality',
    population: 20_000,
    county: '01',
    demo: false,
    verified: true,
    shareBenchmark: true,
    ...extra,
    round: { roundId: `asm_${orgId}_${closedAt}`, closedAt, instrumentVersion: 'v1', scores: scores(value) },
  }
}

const asker: BenchmarkAsker = {
  orgId: 'org_me',
  kind: 'municipality',
  population: 30_000,
  county: '01',
  demo: false,
  verified: true,
  round: { roundId: 'asm_me', closedAt: '2025-06-15T12:00:00.000Z', instrumentVersion: 'v1', scores: scores(50) },
}

describe('quantiles', () => {
  it('match numpy (default linear) on fixed data, bit for bit', () => {
    const a = Float64Array.from([12.5, 99.1, 33.333333333333336, 47.2, 0.1 + 0.2, 61.0, 58.7]).sort()
    expect([0.25, 0.5, 0.75].map((p) => quantileSorted(a, p))).toEqual([22.916666666666668, 47.2, 59.85])
    const b = Float64Array.from([70.0, 55.5, 81.25, 40.0, 66.66666666666667]).sort()
    expect([0.25, 0.5, 0.75].map((p) => quantileSorted(b, p))).toEqual([55.5, 66.66666666666667, 70])
    expect(quantileSorted([], 0.5)).toBeNull()
  })

  it('equal a straightforward reference implementation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
        (values, p) => {
          const got = quantileSorted(Float64Array.from(values).sort(), p) as number
          const want = refQuantile(values, p)
          expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('quickselect quantiles', () => {
  it('equal the sorted quantiles bit for bit (duplicates, sorted and reversed inputs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(0, 25, 50, 100), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 1, maxLength: 80 }),
        fc.constantFrom('as-is', 'sorted', 'reversed'),
        fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
        (values, order, p) => {
          const xs = order === 'as-is' ? values : [...values].sort((a, b) => (order === 'sorted' ? a - b : b - a))
          const sorted = Float64Array.from(xs).sort()
          expect(quantileInPlace(Float64Array.from(xs), xs.length, p)).toBe(quantileSorted(sorted, p))
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('scoreStats', () => {
  it('percentile rank counts below plus half of equal (asker included), ties rounded', () => {
    const s = scoreStats('overall', [10, 20, 30, 30.0000000000001, 40, 50, 60, 70, 80, 90, null], 30)
    expect(s.percentileRank).toBe((100 * (2 + 2 / 2)) / 10)
    expect(s.median).toBe(45)
    expect(scoreStats('overall', [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], null).percentileRank).toBeNull()
  })

  it('publishes quantiles in whole points', () => {
    const s = scoreStats('overall', [10.4, 20.2, 30.7, 40.1, 50.5, 60.3, 70.9, 80.2, 90.6, 99.9], null)
    expect(s).toEqual({ id: 'overall', p25: 33, median: 55, p75: 78, percentileRank: null })
  })

  it('percentile rank equals a naive computation, quantiles the rounded reference', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(10, 20, 20 + 1e-12, 50, null), fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: 10,
          maxLength: 40,
        }),
        fc.nat(),
        (values, pick) => {
          const present = values.filter((v): v is number => v !== null)
          fc.pre(present.length >= 10)
          const asker = present[pick % present.length]
          const r = (x: number) => Math.round(x * 1e9) / 1e9
          const below = present.filter((v) => r(v) < r(asker)).length
          const equal = present.filter((v) => r(v) === r(asker)).length
          const got = scoreStats('x', values, asker)
          expect(got.percentileRank).toBe((100 * (below + equal / 2)) / present.length)
          for (const [p, q] of [[0.25, got.p25], [0.5, got.median], [0.75, got.p75]] as const) {
            const ref = refQuantile(present, p)
            // A reference within 1e-9 of a half point may round either way.
            if (Math.abs((ref % 1) - 0.5) > 1e-9) expect(q).toBe(Math.round(ref))
            expect(Number.isInteger(q)).toBe(true)
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('is null throughout with fewer than 10 non-null values', () => {
    expect(scoreStats('E1', [10, 20, 30, 40, 50, 60, 70, 80, 90, null, null], 10)).toEqual({
      id: 'E1', p25: null, median: null, p75: null, percentileRank: null,
    })
  })

  it("does not count an unverified asker's own value towards the ten", () => {
    const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 95]
    expect(scoreStats('E1', ten, 10, true).median).toBeNull()
    expect(scoreStats('E1', ten, 10, false).median).toBe(55)
    expect(scoreStats('E1', [...ten, 99], 10, true).median).toBe(60)
  })
})

describe('participant selection', () => {
  it('applies sharing, demo, version, the 24-month window and the latest round', () => {
    const start = new Date(monthsBefore(asker.round.closedAt, 24)).toISOString()
    expect(start).toBe('2023-06-15T12:00:00.000Z')
    const records: BenchmarkRecord[] = [
      record('org_edge', start, 1),
      record('org_early', '2023-06-15T11:59:59.999Z', 2),
      record('org_late', '2025-06-15T12:00:00.001Z', 3),
      record('org_end', asker.round.closedAt, 4),
      record('org_two', '2024-01-01T00:00:00.000Z', 5),
      record('org_two', '2025-01-01T00:00:00.000Z', 6),
      record('org_two', '2025-07-01T00:00:00.000Z', 7),
      record('org_private', '2025-01-01T00:00:00.000Z', 8, { shareBenchmark: false }),
      record('org_demo', '2025-01-01T00:00:00.000Z', 9, { demo: true }),
      record('org_unverified', '2025-01-01T00:00:00.000Z', 12, { verified: false }),
      record('org_me', '2025-01-01T00:00:00.000Z', 10),
      { ...record('org_v2', '2025-01-01T00:00:00.000Z', 11), round: { ...record('x', '2025-01-01T00:00:00.000Z', 11).round, instrumentVersion: 'v2' } },
    ]
    const got = selectParticipants(asker, records).map((p) => [p.orgId, p.round.scores.overall])
    expect(got).toEqual([['org_me', 50], ['org_edge', 1], ['org_end', 4], ['org_two', 6]])
    const demoAsker = { ...asker, demo: true }
    expect(selectParticipants(demoAsker, records).map((p) => p.orgId)).toEqual(['org_me', 'org_demo'])
  })

  it('clamps a missing day to the end of the month', () => {
    expect(new Date(monthsBefore('2024-02-29T08:00:00Z', 24)).toISOString()).toBe('2022-02-28T08:00:00.000Z')
    expect(new Date(monthsBefore('2025-03-31T00:00:00Z', 1)).toISOString()).toBe('2025-02-28T00:00:00.000Z')
  })
})

/** Nine organisations at 10, 20, …, 90 besides the asker at 50: one value per organisation. */
const nine = (extra: Partial<BenchmarkRecord> = {}) =>
  Array.from({ length: 9 }, (_, i) => record(`o${i + 1}`, '2025-01-01T00:00:00Z', 10 * (i + 1), extra))

describe('benchmark', () => {
  it('builds groups all, kind, size and county; suppresses groups under 10 verified organisations', () => {
    const records = [
      ...nine({ population: 40_000 }),
      record('o10', '2025-01-01T00:00:00Z', 60, { kind: 'region', population: 30_000, county: '03' }),
      record('o11', '2025-01-01T00:00:00Z', null, { population: 14_999 }),
    ]
    const { groups } = benchmark(v1, asker, records)
    expect(groups.map((g) => g.group)).toEqual(['all', 'kind', 'size', 'county'])
    const all = groups[0] as Extract<(typeof groups)[number], { size: number }>
    expect(all.size).toBe(12)
    expect(all.scores.map((s) => s.id)).toEqual(ALL_IDS)
    // Values 50 (asker), 10 … 90 and 60 (o11 is null): 11 values, quantiles in whole points.
    expect(all.scores[0]).toEqual({ id: 'overall', p25: 35, median: 50, p75: 65, percentileRank: (100 * (4 + 2 / 2)) / 11 })
    expect(groups[1]).toMatchObject({ group: 'kind', size: 11 })
    // Size class 15 000–49 999: asker and o1…o9 → 10 → shown.
    expect(groups[2]).toMatchObject({ group: 'size', size: 10 })
    // County 01: asker, o1…o9, o11 → shown, but o11 is null; ten values remain.
    expect(groups[3]).toMatchObject({ group: 'county', size: 11 })
    const county = groups[3] as typeof all
    // 32.5 and 67.5 round half up to whole points.
    expect(county.scores[0]).toEqual({ id: 'overall', p25: 33, median: 50, p75: 68, percentileRank: 50 })
  })

  it('suppresses a group of nine verified organisations and a score with nine values', () => {
    const { groups } = benchmark(v1, asker, nine().slice(0, 8))
    expect(groups.every((g) => 'suppressed' in g)).toBe(true)
    const withNull = benchmark(v1, asker, [...nine().slice(0, 8), record('o9', '2025-01-01T00:00:00Z', null)])
    expect(withNull.groups[0]).toMatchObject({ group: 'all', size: 10 })
    expect((withNull.groups[0] as { scores: { median: number | null }[] }).scores[0].median).toBeNull()
  })

  it("four self-registered organisations with the victim's profile cannot pin the victim's scores", () => {
    // The attack: four unverified organisations copy the victim's profile; whatever they claim,
    // they are not peers, so the victim's benchmark and theirs show no group at all.
    const victim = record('org_victim', '2025-01-01T00:00:00Z', 73.4)
    const fakes = ['f1', 'f2', 'f3', 'f4'].map((id) => record(id, '2025-01-01T00:00:00Z', 73.4, { verified: false }))
    const attacker: BenchmarkAsker = { ...asker, orgId: 'f0', verified: false, round: { ...asker.round, scores: scores(73.4) } }
    expect(benchmark(v1, attacker, [victim, ...fakes]).groups.every((g) => 'suppressed' in g)).toBe(true)
    // Even with nine verified others an unverified asker does not count towards the ten.
    const nineOthers = [victim, ...nine().slice(0, 8)]
    expect(benchmark(v1, attacker, [...nineOthers, ...fakes]).groups.every((g) => 'suppressed' in g)).toBe(true)
    expect(benchmark(v1, { ...attacker, verified: true }, nineOthers).groups[0]).toMatchObject({ group: 'all', size: 10 })
  })

  it('gives no size group to other kinds and no county group without a county', () => {
    const { groups } = benchmark(v1, { ...asker, kind: 'agency', county: null }, [])
    expect(groups).toEqual([
      { group: 'all', suppressed: true },
      { group: 'kind', suppressed: true },
    ])
  })

  it('size classes and preconditions', () => {
    expect([14_999, 15_000, 49_999, 50_000, 199_999, 200_000, null].map(sizeClass)).toEqual([0, 1, 1, 2, 2, 3, null])
    expect(benchmarkPrecondition({ closed: false, hasResults: false, shareBenchmark: true })).toBe('not_closed')
    expect(benchmarkPrecondition({ closed: true, hasResults: false, shareBenchmark: true })).toBe('below_threshold')
    expect(benchmarkPrecondition({ closed: true, hasResults: true, shareBenchmark: false })).toBe('not_sharing')
    expect(benchmarkPrecondition({ closed: true, hasResults: true, shareBenchmark: true })).toBeNull()
  })
})
