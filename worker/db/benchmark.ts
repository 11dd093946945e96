import { and, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import { assessmentResults, assessments, benchmarkEntries } from '../../schema/tables'
import type { Db } from './client'

export type BenchmarkEntryRow = typeof benchmarkEntries.$inferSelect
type Batch = Parameters<Db['batch']>[0]

/** A closed round with stored results (body non-null), newest first per organisation. */
export interface RoundWithResults {
  orgId: string
  roundId: string
  closedAt: string
  instrumentVersion: string
  body: string
}

const roundColumns = {
  orgId: assessments.orgId,
  roundId: assessments.id,
  closedAt: sql<string>`${assessments.closedAt}`,
  instrumentVersion: assessments.instrumentVersion,
  body: sql<string>`${assessmentResults.body}`,
}

function roundsWithResults(db: Db) {
  return db
    .select(roundColumns)
    .from(assessments)
    .innerJoin(assessmentResults, and(eq(assessmentResults.orgId, assessments.orgId), eq(assessmentResults.assessmentId, assessments.id)))
}

/** Every closed round of the organisation that has results, newest first (closedAt, then id). */
export async function listRoundsWithResults(db: Db, orgId: string): Promise<RoundWithResults[]> {
  return roundsWithResults(db)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.status, 'closed'), isNotNull(assessmentResults.body)))
    .orderBy(desc(assessments.closedAt), desc(assessments.id))
    .all()
}

/**
 * Closed rounds with results of the given organisations on one version, closed within
 * [from, to]: the second, small query of a benchmark for an older asked round, for only those
 * organisations whose current entry is newer than the asked round.
 */
export async function listRoundsInWindow(db: Db, orgIds: string[], version: string, from: string, to: string): Promise<RoundWithResults[]> {
  if (orgIds.length === 0) return []
  const out: RoundWithResults[] = []
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < orgIds.length; i += 90) {
    const rows = await roundsWithResults(db)
      .where(
        and(
          inArray(assessments.orgId, orgIds.slice(i, i + 90)),
          eq(assessments.status, 'closed'),
          eq(assessments.instrumentVersion, version),
          gte(assessments.closedAt, from),
          lte(assessments.closedAt, to),
          isNotNull(assessmentResults.body),
        ),
      )
      .all()
    out.push(...rows)
  }
  return out
}

/** Replaces the organisation's entries with `rows` in one atomic batch (none: all removed). */
export async function replaceEntries(db: Db, orgId: string, rows: BenchmarkEntryRow[]): Promise<void> {
  await db.batch([
    db.delete(benchmarkEntries).where(eq(benchmarkEntries.orgId, orgId)),
    ...rows.map((r) => db.insert(benchmarkEntries).values(r)),
  ] as unknown as Batch)
}

/** A new profile (kind, size, county, demo, sharing) on every entry of the organisation. */
export async function updateEntryProfile(db: Db, orgId: string, profile: Pick<BenchmarkEntryRow, 'kind' | 'population' | 'county' | 'demo' | 'share' | 'verified'>): Promise<void> {
  await db.update(benchmarkEntries).set(profile).where(eq(benchmarkEntries.orgId, orgId)).run()
}

/**
 * The candidate participants: verified sharing organisations of one demo status whose current
 * entry on this version closed at `from` or later (an older entry means no round in the window at
 * all). Served by the index (version, demo, share, verified, closed_at): one row read per candidate.
 */
export async function listEntries(db: Db, version: string, demo: boolean, from: string): Promise<BenchmarkEntryRow[]> {
  return db
    .select()
    .from(benchmarkEntries)
    .where(and(eq(benchmarkEntries.instrumentVersion, version), eq(benchmarkEntries.demo, demo), eq(benchmarkEntries.share, true), eq(benchmarkEntries.verified, true), gte(benchmarkEntries.closedAt, from)))
    .all()
}
