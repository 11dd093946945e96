import { and, asc, eq, lte, or } from 'drizzle-orm'
import { assessmentResults, assessments } from '../../schema/tables'
import type { Db } from './client'
import type { AssessmentRow } from './assessments'

export interface TrendRow {
  round: AssessmentRow
  /** The stored results row (null when missing: a close interrupted after its status flip). */
  k: number | null
  body: string | null
}

/**
 * The organisation's closed rounds with their stored results in one query, oldest first
 * (closedAt, then id), plus open rounds whose closing time has passed (the caller closes them
 * lazily first). Only rounds and results rows: never kept bodies, never answers.
 */
export async function listTrendRows(db: Db, orgId: string, now: string): Promise<TrendRow[]> {
  const rows = await db
    .select({ round: assessments, k: assessmentResults.k, body: assessmentResults.body })
    .from(assessments)
    .leftJoin(assessmentResults, and(eq(assessmentResults.orgId, assessments.orgId), eq(assessmentResults.assessmentId, assessments.id)))
    .where(and(eq(assessments.orgId, orgId), or(eq(assessments.status, 'closed'), and(eq(assessments.status, 'open'), lte(assessments.closesAt, now)))))
    .orderBy(asc(assessments.closedAt), asc(assessments.id))
    .all()
  return rows.map((r) => ({ round: r.round, k: r.k ?? null, body: r.body ?? null }))
}
