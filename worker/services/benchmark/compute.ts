import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import type { Db } from '../../db/client'
import type { OrgRow } from '../../db/organisations'
import { findAssessment, type AssessmentRow } from '../../db/assessments'
import { listEntries, listRoundsInWindow } from '../../db/benchmark'
import { benchmark, benchmarkPrecondition, isVerifiedOrg, monthsBefore, WINDOW_MONTHS, type BenchmarkGroup, type BenchmarkRecord } from '../../domain'
import { getInstrument } from '../../../schema/instruments'
import { scoresOfBody } from './entries'
import { settleRound } from '../rounds/lifecycle'
import { currentResults, type ResultsReason } from '../results/current'

export type BenchmarkOutcome =
  | { ok: true; instrumentVersion: string; groups: BenchmarkGroup[] }
  | { ok: false; reason: ResultsReason }

/**
 * The benchmark of a round of `org` (docs/model.md §5). Participants come from the precomputed
 * entries (one row per sharing organisation of the asker's demo status); an organisation whose
 * current entry is newer than the asked round needs an older round, read from stored results
 * for only those organisations. The engine then picks each one's latest round in the window.
 */
export async function computeBenchmark(db: Db, org: OrgRow, round: AssessmentRow): Promise<BenchmarkOutcome> {
  const stored = await currentResults(db, org, round)
  const reason = benchmarkPrecondition({ closed: round.status === 'closed', hasResults: !!stored?.body, shareBenchmark: org.shareBenchmark })
  if (reason) return { ok: false, reason }
  const instrument = getInstrument(round.instrumentVersion)
  if (!instrument || !round.closedAt) return { ok: false, reason: 'not_closed' }
  const closedAt = round.closedAt
  const from = new Date(monthsBefore(closedAt, WINDOW_MONTHS)).toISOString()
  const entries = (await listEntries(db, round.instrumentVersion, org.demo, from)).filter((e) => e.orgId !== org.id)
  const records: BenchmarkRecord[] = []
  const newer = new Map<string, (typeof entries)[number]>()
  for (const e of entries) {
    const profile = { orgId: e.orgId, kind: e.kind, population: e.population, county: e.county, demo: e.demo, verified: e.verified, shareBenchmark: e.share }
    if (e.closedAt <= closedAt) {
      records.push({ ...profile, round: { roundId: e.roundId, closedAt: e.closedAt, instrumentVersion: e.instrumentVersion, scores: e.scores } })
    } else newer.set(e.orgId, e)
  }
  for (const r of await listRoundsInWindow(db, [...newer.keys()], round.instrumentVersion, from, closedAt)) {
    const e = newer.get(r.orgId)!
    records.push({
      orgId: e.orgId, kind: e.kind, population: e.population, county: e.county, demo: e.demo, verified: e.verified, shareBenchmark: e.share,
      round: { roundId: r.roundId, closedAt: r.closedAt, instrumentVersion: r.instrumentVersion, scores: scoresOfBody(r.body) },
    })
  }
  const asker = {
    orgId: org.id, kind: org.kind, population: org.population, county: org.county, demo: org.demo, verified: isVerifiedOrg(org),
    round: { roundId: round.id, closedAt, instrumentVersion: round.instrumentVersion, scores: scoresOfBody(stored!.body!) },
  }
  return { ok: true, instrumentVersion: round.instrumentVersion, groups: benchmark(instrument, asker, records).groups }
}

/** The benchmark of the organisation's round by id, or null when the round does not exist. */
export async function benchmarkFor(c: Context<AppEnv>, org: OrgRow, assessmentId: string): Promise<BenchmarkOutcome | null> {
  const db = c.get('db')
  const row = await findAssessment(db, org.id, assessmentId)
  if (!row) return null
  return computeBenchmark(db, org, await settleRound(db, row, org.anonymityThreshold))
}
