import { and, eq } from 'drizzle-orm'
import { assessmentResults, assessments } from '../../schema/tables'
import type { Db } from './client'

/** Every closed round of the organisation with its stored results row (k and body), one query. */
export async function listClosedRoundsWithResults(db: Db, orgId: string) {
  return db
    .select({
      id: assessments.id,
      closedAt: assessments.closedAt,
      instrumentVersion: assessments.instrumentVersion,
      form: assessments.form,
      kAtOpen: assessments.kAtOpen,
      kAtClose: assessments.kAtClose,
      k: assessmentResults.k,
      body: assessmentResults.body,
    })
    .from(assessments)
    .leftJoin(assessmentResults, and(eq(assessmentResults.orgId, assessments.orgId), eq(assessmentResults.assessmentId, assessments.id)))
    .where(and(eq(assessments.orgId, orgId), eq(assessments.status, 'closed')))
    .all()
}
