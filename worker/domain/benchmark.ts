/** Benchmark statistics across organisations (docs/model.md §5). */
import type { OrgKind } from '../../schema/enums'
import { scoreIds } from '../../schema/instruments'
import type { Instrument } from '../../schema/instruments'
import { monthsBefore } from './calendar'
import { compareCodePoints, round9 } from './round'
import { quantileInPlace } from './select'

/** One closed round with results, precomputed at close (and again when k changes): every
 *  factor, category, dimension and `overall` id mapped to its percent or null (suppressed). */
export interface BenchmarkRound {
  readonly roundId: string
  readonly closedAt: string
  readonly instrumentVersion: string
  readonly scores: Readonly<Record<string, number | null>>
}

/** An organisation's attributes as read at request time, with one of its rounds. */
export interface BenchmarkOrg {
  readonly orgId: string
  readonly kind: OrgKind
  readonly population: number | null
  readonly county: string | null
  readonly demo: boolean
  /** Verified by the registry extract or an operator (verification.ts): only verified
   *  organisations count towards a group's minimum. */
  readonly verified: boolean
}

export interface BenchmarkRecord extends BenchmarkOrg {
  readonly shareBenchmark: boolean
  readonly round: BenchmarkRound
}

/** The asking organisation and the round it asks about. */
export interface BenchmarkAsker extends BenchmarkOrg {
  readonly round: BenchmarkRound
}

export const PEER_GROUPS = ['all', 'kind', 'size', 'county'] as const
export type PeerGroup = (typeof PEER_GROUPS)[number]

/** Groups and score statistics need at least this many verified organisations / values: with
 *  fewer, a handful of organisations registered for the purpose could pin a victim's scores. */
export const MIN_GROUP_SIZE = 10
/** Look-back window of participants' rounds, in calendar months. */
export const WINDOW_MONTHS = 24

export interface BenchmarkStat {
  id: string
  p25: number | null
  median: number | null
  p75: number | null
  percentileRank: number | null
}

export type BenchmarkGroup =
  | { group: PeerGroup; size: number; scores: BenchmarkStat[] }
  | { group: PeerGroup; suppressed: true }

/** Size class of a municipality by population: 0 (< 15 000) … 3 (≥ 200 000); null without one. */
export function sizeClass(population: number | null): number | null {
  if (population === null || !Number.isFinite(population)) return null
  if (population < 15_000) return 0
  if (population < 50_000) return 1
  if (population < 200_000) return 2
  return 3
}

/** Why the benchmark is unavailable (the 412 reason), or null when it may be shown: only for a
 *  closed round with results and only while the asker shares its own (reciprocity). */
export function benchmarkPrecondition(round: {
  closed: boolean
  hasResults: boolean
  shareBenchmark: boolean
}): 'not_closed' | 'below_threshold' | 'not_sharing' | null {
  if (!round.closed) return 'not_closed'
  if (!round.hasResults) return 'below_threshold'
  if (!round.shareBenchmark) return 'not_sharing'
  return null
}

/** The participating organisations: the asker through the asked round, plus every other verified sharing
 *  organisation of the same demo status with its latest round on the same instrument version
 *  closed within [asked closedAt − 24 calendar months, asked closedAt] (ties: greater roundId). */
export function selectParticipants(
  asker: BenchmarkAsker,
  records: readonly BenchmarkRecord[],
): BenchmarkAsker[] {
  const end = Date.parse(asker.round.closedAt)
  const start = monthsBefore(asker.round.closedAt, WINDOW_MONTHS)
  const latest = new Map<string, { record: BenchmarkRecord; at: number }>()
  for (const r of records) {
    if (r.orgId === asker.orgId || !r.verified || !r.shareBenchmark || r.demo !== asker.demo) continue
    if (r.round.instrumentVersion !== asker.round.instrumentVersion) continue
    const at = Date.parse(r.round.closedAt)
    if (!(at >= start && at <= end)) continue
    const prev = latest.get(r.orgId)
    if (
      !prev ||
      at > prev.at ||
      (at === prev.at && compareCodePoints(r.round.roundId, prev.record.round.roundId) > 0)
    ) {
      latest.set(r.orgId, { record: r, at })
    }
  }
  return [asker, ...[...latest.values()].map((x) => x.record)]
}

/** Statistics of one score over a group: null throughout with fewer than 10 non-null values of
 *  verified organisations (`unverifiedAsker`: the asker's own value does not count towards them);
 *  quantiles rounded to whole points; the rank counts members below and half of those equal (the
 *  asker included) after rounding. */
export function scoreStats(
  id: string,
  values: readonly (number | null)[],
  askerValue: number | null,
  unverifiedAsker = false,
): BenchmarkStat {
  const present = new Float64Array(values.length)
  let n = 0
  for (const v of values) if (v !== null && v !== undefined) present[n++] = v
  return statsInPlace(id, present, n, askerValue, unverifiedAsker)
}

/** A quantile published in whole points: an exact order statistic would let a few known values
 *  reveal an unknown one to the decimal. */
const wholePoints = (x: number | null): number | null => (x === null ? null : Math.round(x))

/** Stats of the n values in buf[0..n−1], which get reordered. Values further than 1e-6 from the
 *  asker's compare the same raw or rounded, so round9 runs only near it. */
function statsInPlace(id: string, buf: Float64Array, n: number, askerValue: number | null, unverifiedAsker: boolean): BenchmarkStat {
  const counted = unverifiedAsker && askerValue !== null && askerValue !== undefined ? n - 1 : n
  if (counted < MIN_GROUP_SIZE) return { id, p25: null, median: null, p75: null, percentileRank: null }
  let percentileRank: number | null = null
  if (askerValue !== null && askerValue !== undefined) {
    const a = round9(askerValue)
    let below = 0
    let equal = 0
    for (let i = 0; i < n; i++) {
      const v = buf[i]
      if (v < askerValue - 1e-6) below++
      else if (v <= askerValue + 1e-6) {
        const rv = round9(v)
        if (rv < a) below++
        else if (rv === a) equal++
      }
    }
    percentileRank = (100 * (below + equal / 2)) / n
  }
  return {
    id,
    p25: wholePoints(quantileInPlace(buf, n, 0.25)),
    median: wholePoints(quantileInPlace(buf, n, 0.5)),
    p75: wholePoints(quantileInPlace(buf, n, 0.75)),
    percentileRank,
  }
}

function groupMembers(
  group: PeerGroup,
  asker: BenchmarkAsker,
  participants: readonly BenchmarkAsker[],
): BenchmarkAsker[] | null {
  switch (group) {
    case 'all':
      return [...participants]
    case 'kind':
      return participants.filter((p) => p.kind === asker.kind)
    case 'size': {
      const cls = sizeClass(asker.population)
      if (asker.kind !== 'municipality' || cls === null) return null
      return participants.filter((p) => p.kind === 'municipality' && sizeClass(p.population) === cls)
    }
    case 'county':
      if (asker.county === null) return null
      return participants.filter((p) => p.county === asker.county)
  }
}

/** The benchmark body `{ groups }`: groups all, kind, size (municipalities with a population
 *  only) and county (organisations with a county only), each shown with ≥ 10 verified
 *  organisations (an unverified asker takes part but does not count), else
 *  `{ group, suppressed: true }`; scores ordered overall, dimensions, categories, factors. */
export function benchmark(
  instrument: Instrument,
  asker: BenchmarkAsker,
  records: readonly BenchmarkRecord[],
): { groups: BenchmarkGroup[] } {
  const ids = scoreIds(instrument)
  const participants = selectParticipants(asker, records)
  // One vector per participant in id order (NaN = null), read once for all groups.
  const vectors = new Map<BenchmarkAsker, Float64Array>()
  for (const p of participants) {
    const vec = new Float64Array(ids.length)
    for (let i = 0; i < ids.length; i++) {
      const v = p.round.scores[ids[i]]
      vec[i] = typeof v === 'number' ? v : Number.NaN
    }
    vectors.set(p, vec)
  }
  const askerVec = vectors.get(participants[0]) as Float64Array
  const buffer = new Float64Array(participants.length)
  const groups: BenchmarkGroup[] = []
  for (const group of PEER_GROUPS) {
    const members = groupMembers(group, asker, participants)
    if (members === null) continue
    const verifiedMembers = asker.verified ? members.length : members.length - 1
    if (verifiedMembers < MIN_GROUP_SIZE) {
      groups.push({ group, suppressed: true })
      continue
    }
    const memberVecs = members.map((m) => vectors.get(m) as Float64Array)
    const scores = ids.map((id, i) => {
      let n = 0
      for (const vec of memberVecs) {
        const v = vec[i]
        if (v === v) buffer[n++] = v
      }
      const own = askerVec[i]
      return statsInPlace(id, buffer, n, own === own ? own : null, !asker.verified)
    })
    groups.push({ group, size: members.length, scores })
  }
  return { groups }
}
