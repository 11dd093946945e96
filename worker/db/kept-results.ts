import { and, asc, eq, isNull } from 'drizzle-orm'
import { assessments, assessmentSnapshots, closedRoundResults, responses } from '../../schema/tables'
import type { Db } from './client'
import type { AssessmentRow } from './assessments'

type Batch = Parameters<Db['batch']>[0]

export type KeptRow = Omit<typeof closedRoundResults.$inferSelect, 'orgId' | 'assessmentId'>

/**
 * The close's storage step, in one atomic batch: the round's kept bodies and its k at close are
 * written (a second writer's copy is ignored: once the first batch has run there are no answer
 * rows left to read), and every answer row of the round (submitted or not) and its snapshot are
 * deleted, so that after it nothing per response remains.
 */
export async function keepAndForget(db: Db, orgId: string, assessmentId: string, kAtClose: number, rows: KeptRow[]): Promise<void> {
  await db.batch([
    ...rows.map((r) => db.insert(closedRoundResults).values({ orgId, assessmentId, ...r }).onConflictDoNothing()),
    db.update(assessments).set({ kAtClose }).where(and(eq(assessments.orgId, orgId), eq(assessments.id, assessmentId), isNull(assessments.kAtClose))),
    db.delete(responses).where(and(eq(responses.orgId, orgId), eq(responses.assessmentId, assessmentId))),
    db.delete(assessmentSnapshots).where(and(eq(assessmentSnapshots.orgId, orgId), eq(assessmentSnapshots.assessmentId, assessmentId))),
  ] as unknown as Batch)
}

/** A closed round's kept bodies, by k (empty before its close has stored them). */
export async function listKept(db: Db, orgId: string, assessmentId: string): Promise<KeptRow[]> {
  return db
    .select({ kFrom: closedRoundResults.kFrom, kTo: closedRoundResults.kTo, n: closedRoundResults.n, body: closedRoundResults.body })
    .from(closedRoundResults)
    .where(and(eq(closedRoundResults.orgId, orgId), eq(closedRoundResults.assessmentId, assessmentId)))
    .orderBy(asc(closedRoundResults.kFrom))
    .all()
}

/** Closed rounds of any organisation whose results are not kept yet (closed before they were,
 *  or a close interrupted after its status flip), for the cron: the batch that keeps them sets
 *  k_at_close, and a partial index holds exactly the closed rounds without it. */
export async function listClosedRoundsNotKept(db: Db, limit: number): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.status, 'closed'), isNull(assessments.kAtClose)))
    .limit(limit)
    .all()
}
