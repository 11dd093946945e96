import { and, asc, eq, sql } from 'drizzle-orm'
import { assessmentResults, assessmentSnapshots } from '../../schema/tables'
import type { Db } from './client'

type Batch = Parameters<Db['batch']>[0]

export type ResultsRow = typeof assessmentResults.$inferSelect

/**
 * Stores a round's frozen snapshot chunks and its computed results in one atomic batch. The
 * snapshot is written once (a second freezer's copy is ignored: both froze the same closed rows);
 * the results row is replaced (a recompute for a new k).
 */
export async function saveSnapshotAndResults(db: Db, orgId: string, assessmentId: string, chunks: string[], results: { k: number; n: number; body: string | null }): Promise<void> {
  await db.batch([
    ...chunks.map((data, chunk) => db.insert(assessmentSnapshots).values({ orgId, assessmentId, chunk, data }).onConflictDoNothing()),
    saveResultsStatement(db, orgId, assessmentId, results),
  ] as unknown as Batch)
}

function saveResultsStatement(db: Db, orgId: string, assessmentId: string, r: { k: number; n: number; body: string | null }) {
  return db
    .insert(assessmentResults)
    .values({ orgId, assessmentId, ...r })
    .onConflictDoUpdate({ target: [assessmentResults.orgId, assessmentResults.assessmentId], set: { k: r.k, n: r.n, body: r.body } })
}

/** Replaces the stored results of several rounds at once (a new anonymity threshold). */
export async function saveResults(db: Db, orgId: string, rows: { assessmentId: string; k: number; n: number; body: string | null }[]): Promise<void> {
  if (rows.length === 0) return
  await db.batch(rows.map((r) => saveResultsStatement(db, orgId, r.assessmentId, r)) as unknown as Batch)
}

export async function findResults(db: Db, orgId: string, assessmentId: string): Promise<ResultsRow | undefined> {
  return db.select().from(assessmentResults).where(and(eq(assessmentResults.orgId, orgId), eq(assessmentResults.assessmentId, assessmentId))).get()
}

/** The snapshot chunks of a round, in order. */
export async function listSnapshotChunks(db: Db, orgId: string, assessmentId: string): Promise<string[]> {
  const rows = await db
    .select({ data: assessmentSnapshots.data })
    .from(assessmentSnapshots)
    .where(and(eq(assessmentSnapshots.orgId, orgId), eq(assessmentSnapshots.assessmentId, assessmentId)))
    .orderBy(asc(assessmentSnapshots.chunk))
    .all()
  return rows.map((r) => r.data)
}

/** Whether a round's snapshot exists (it is frozen). */
export async function hasSnapshot(db: Db, orgId: string, assessmentId: string): Promise<boolean> {
  const row = await db.select({ one: sql<number>`1` }).from(assessmentSnapshots).where(and(eq(assessmentSnapshots.orgId, orgId), eq(assessmentSnapshots.assessmentId, assessmentId))).limit(1).get()
  return !!row
}
