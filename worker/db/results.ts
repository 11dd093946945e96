import { and, asc, eq } from 'drizzle-orm'
import { assessmentResults, assessmentSnapshots } from '../../schema/tables'
import type { Db } from './client'

type Batch = Parameters<Db['batch']>[0]

export type ResultsRow = typeof assessmentResults.$inferSelect

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

/** The snapshot chunks of a round closed before its bodies were kept, in order. */
export async function listSnapshotChunks(db: Db, orgId: string, assessmentId: string): Promise<string[]> {
  const rows = await db
    .select({ data: assessmentSnapshots.data })
    .from(assessmentSnapshots)
    .where(and(eq(assessmentSnapshots.orgId, orgId), eq(assessmentSnapshots.assessmentId, assessmentId)))
    .orderBy(asc(assessmentSnapshots.chunk))
    .all()
  return rows.map((r) => r.data)
}
