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
    const s = scoreStats('overall', [10, 20, 30, 30.0000000000001, 40, null], 30)
    expect(s.percentileRank).toBe((100 * (2 + 2 / 2)) / 5)
    expect(s.median).toBe(30)
    expect(scoreStats('overall', [10, 20, 30, 40, 50], null).percentileRank).toBeNull()
  })

  it('percentile rank and quantiles equal a naive computation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(10, 20, 20 + 1e-12, 50, null), fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: 5,
          maxLength: 40,
        }),
        fc.nat(),
        (values, pick) => {
          const present = values.filter((v): v is number => v !== null)
          fc.pre(present.length >= 5)
          const asker = present[pick % present.length]
          const r = (x: number) => Math.round(x * 1e9) / 1e9
          const below = present.filter((v) => r(v) < r(asker)).length
          const equal = present.filter((v) => r(v) === r(asker)).length
          const got = scoreStats('x', values, asker)
          expect(got.percentileRank).toBe((100 * (below + equal / 2)) / present.length)
          expect(Math.abs((got.median as number) - refQuantile(present, 0.5))).toBeLessThanOrEqual(1e-9)
          expect(Math.abs((got.p25 as number) - refQuantile(present, 0.25))).toBeLessThanOrEqual(1e-9)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('is null throughout with fewer than 5 non-null values', () => {
    expect(scoreStats('E1', [10, 20, 30, 40, null, null], 10)).toEqual({
      id: 'E1', p25: null, median: null, p75: null, percentileRank: null,
    })
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

describe('benchmark', () => {
  it('builds groups all, kind, size and county; suppresses groups under 5', () => {
    const records = [
      record('o1', '2025-01-01T00:00:00Z', 10, { population: 40_000 }),
      record('o2', '2025-01-01T00:00:00Z', 20, { population: 15_000, county: '03' }),
      record('o3', '2025-01-01T00:00:00Z', 30, { population: 49_999 }),
      record('o4', '2025-01-01T00:00:00Z', 40, { population: 200_000 }),
      record('o5', '2025-01-01T00:00:00Z', 60, { kind: 'region', population: 30_000, county: '03' }),
      record('o6', '2025-01-01T00:00:00Z', null, { population: 14_999 }),
    ]
    const { groups } = benchmark(v1, asker, records)
    expect(groups.map((g) => g.group)).toEqual(['all', 'kind', 'size', 'county'])
    const all = groups[0] as Extract<(typeof groups)[number], { size: number }>
    expect(all.size).toBe(7)
    expect(all.scores.map((s) => s.id)).toEqual(ALL_IDS)
    // Values 50 (asker), 10, 20, 30, 40, 60 (o6 is null): 6 values.
    expect(all.scores[0]).toEqual({ id: 'overall', p25: 22.5, median: 35, p75: 47.5, percentileRank: (100 * 4.5) / 6 })
    expect(groups[1]).toMatchObject({ group: 'kind', size: 6 })
    // Size class 15 000–49 999: asker, o1, o2, o3 → 4 → suppressed.
    expect(groups[2]).toEqual({ group: 'size', suppressed: true })
    // County 01: asker, o1, o3, o4, o6 → shown, but o6 is null so only 4 values: stats null.
    expect(groups[3]).toMatchObject({ group: 'county', size: 5 })
    const county = groups[3] as typeof all
    expect(county.scores[0]).toEqual({ id: 'overall', p25: null, median: null, p75: null, percentileRank: null })
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
