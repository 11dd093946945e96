import { and, asc, eq, sql } from 'drizzle-orm'
import { assessments, assessmentSnapshots, responseAggregates, responses } from '../../schema/tables'
import type { Db } from './client'
import type { AssessmentRow } from './assessments'

type Batch = Parameters<Db['batch']>[0]

export type AggregateRow = Omit<typeof responseAggregates.$inferSelect, 'orgId' | 'assessmentId'>

/**
 * The freeze, in one atomic batch: the round's aggregates are written (a second freezer's copy is
 * ignored: both read the same closed rows, and once the first batch has run there are no rows
 * left to read), and every response row of the round (submitted or not) and its snapshot are
 * deleted, so that after it nothing per response remains.
 */
export async function freezeAggregates(db: Db, orgId: string, assessmentId: string, rows: AggregateRow[]): Promise<void> {
  await db.batch([
    ...rows.map((r) => db.insert(responseAggregates).values({ orgId, assessmentId, ...r }).onConflictDoNothing()),
    db.delete(responses).where(and(eq(responses.orgId, orgId), eq(responses.assessmentId, assessmentId))),
    db.delete(assessmentSnapshots).where(and(eq(assessmentSnapshots.orgId, orgId), eq(assessmentSnapshots.assessmentId, assessmentId))),
  ] as unknown as Batch)
}

/** A frozen round's aggregate rows (empty before its freeze). */
export async function listAggregateRows(db: Db, orgId: string, assessmentId: string): Promise<AggregateRow[]> {
  return db
    .select({ breakdown: responseAggregates.breakdown, groupId: responseAggregates.groupId, n: responseAggregates.n, data: responseAggregates.data })
    .from(responseAggregates)
    .where(and(eq(responseAggregates.orgId, orgId), eq(responseAggregates.assessmentId, assessmentId)))
    .orderBy(asc(responseAggregates.breakdown), asc(responseAggregates.groupId))
    .all()
}

/** Closed rounds of any organisation that are not frozen yet (closed before aggregates existed,
 *  or a close interrupted after its status flip), for the cron. */
export async function listUnfrozenClosedRounds(db: Db, limit: number): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.status, 'closed'), sql`NOT EXISTS (SELECT 1 FROM ${responseAggregates} WHERE ${responseAggregates.orgId} = ${assessments.orgId} AND ${responseAggregates.assessmentId} = ${assessments.id} AND ${responseAggregates.breakdown} = 'round')`))
    .limit(limit)
    .all()
}
