import type { Db } from '../../db/client'
import { findOrgById, type OrgRow } from '../../db/organisations'
import { listRoundsWithResults, replaceEntries, updateEntryProfile, type BenchmarkEntryRow } from '../../db/benchmark'
import { isVerifiedOrg, type ScoreSet } from '../../domain'

/** The percent of every score of a stored results body, by id (overall, dimensions, categories,
 *  factors); suppressed scores are null. */
export function scoresOf(results: Pick<ScoreSet, 'overall' | 'dimensions' | 'categories' | 'factors'>): Record<string, number | null> {
  const out: Record<string, number | null> = {}
  for (const s of [results.overall, ...results.dimensions, ...results.categories, ...results.factors]) out[s.id] = s.percent
  return out
}

/** The scores map of a stored results row's body (JSON { results, breakdowns }). */
export function scoresOfBody(body: string): Record<string, number | null> {
  return scoresOf((JSON.parse(body) as { results: ScoreSet }).results)
}

/** The profile columns an entry carries, read from the organisation (verification derived). */
export function profileOf(org: OrgRow): Pick<BenchmarkEntryRow, 'kind' | 'population' | 'county' | 'demo' | 'share' | 'verified'> {
  return { kind: org.kind, population: org.population, county: org.county, demo: org.demo, share: org.shareBenchmark, verified: isVerifiedOrg(org) }
}

/**
 * Rebuilds the organisation's benchmark entries from its stored results: per instrument version,
 * its latest closed round with results (ties: greater id). Called whenever stored results change
 * (a close, a new k), so the entries always hold the scores at the current k.
 */
export async function refreshBenchmarkEntries(db: Db, orgId: string): Promise<void> {
  const org = await findOrgById(db, orgId)
  if (!org) return
  const rounds = await listRoundsWithResults(db, orgId)
  const latest = new Map<string, (typeof rounds)[number]>()
  for (const r of rounds) {
    const prev = latest.get(r.instrumentVersion)
    if (!prev || r.closedAt > prev.closedAt || (r.closedAt === prev.closedAt && r.roundId > prev.roundId)) latest.set(r.instrumentVersion, r)
  }
  const rows = [...latest.values()].map((r) => ({
    orgId,
    instrumentVersion: r.instrumentVersion,
    ...profileOf(org),
    roundId: r.roundId,
    closedAt: r.closedAt,
    scores: scoresOfBody(r.body),
  }))
  await replaceEntries(db, orgId, rows)
}

/** A profile change (kind, population, county, demo, sharing, verification) reaches the entries at once. */
export async function refreshEntryProfile(db: Db, before: OrgRow, after: OrgRow): Promise<void> {
  const a = profileOf(before)
  const b = profileOf(after)
  if (a.kind === b.kind && a.population === b.population && a.county === b.county && a.demo === b.demo && a.share === b.share && a.verified === b.verified) return
  await updateEntryProfile(db, after.id, b)
}
