import { and, desc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm'
import { assessments, respondents, responses } from '../../schema/tables'
import type { Db } from './client'

/**
 * Raw statements in one atomic D1 batch. drizzle's batch() cannot take raw `db.run(sql)` items
 * with parameters (they have no prepared statement), and the bulk json_each statements and the
 * conditional upserts here are raw SQL, so they go to the D1 binding directly.
 */
export async function rawBatch<T = Record<string, unknown>>(db: Db, statements: [string, ...unknown[]][]): Promise<D1Result<T>[]> {
  const d1 = db.$client as D1Database
  return d1.batch<T>(statements.map(([text, ...params]) => d1.prepare(text).bind(...params)))
}

export type AssessmentRow = typeof assessments.$inferSelect
export type NewAssessment = typeof assessments.$inferInsert

export async function insertAssessment(db: Db, row: NewAssessment): Promise<AssessmentRow> {
  return db.insert(assessments).values(row).returning().get()
}

export async function findAssessment(db: Db, orgId: string, id: string): Promise<AssessmentRow | undefined> {
  return db.select().from(assessments).where(and(eq(assessments.orgId, orgId), eq(assessments.id, id))).get()
}

/** A page of the organisation's rounds, newest first (createdAt, then id). */
export async function listAssessments(db: Db, orgId: string, limit: number, after?: { createdAt: string; id: string }): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.orgId, orgId),
        after ? or(lt(assessments.createdAt, after.createdAt), and(eq(assessments.createdAt, after.createdAt), lt(assessments.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .limit(limit + 1)
    .all()
}

/** Applies a change only while the round is still in `status` (undefined when it no longer is). */
export async function updateAssessmentIn(db: Db, orgId: string, id: string, status: AssessmentRow['status'], set: Partial<NewAssessment>): Promise<AssessmentRow | undefined> {
  return db
    .update(assessments)
    .set(set)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, id), eq(assessments.status, status)))
    .returning()
    .get()
}

/** Deletes a draft round with its respondents (a draft has no answers yet); false when not a draft. */
export async function deleteDraftAssessment(db: Db, orgId: string, id: string): Promise<boolean> {
  const [gone] = await db.batch([
    db.delete(assessments).where(and(eq(assessments.orgId, orgId), eq(assessments.id, id), eq(assessments.status, 'draft'))).returning({ id: assessments.id }),
    db.delete(respondents).where(and(eq(respondents.orgId, orgId), eq(respondents.assessmentId, id), sql`NOT EXISTS (SELECT 1 FROM assessments WHERE id = ${id})`)),
    db.delete(responses).where(and(eq(responses.orgId, orgId), eq(responses.assessmentId, id), sql`NOT EXISTS (SELECT 1 FROM assessments WHERE id = ${id})`)),
  ])
  return gone.length > 0
}

/**
 * Closes the round if it is still open: one conditional UPDATE, so of two concurrent closers
 * (the cron, a lazy read, the close button) exactly one wins and keeps the round's results.
 */
export async function markClosed(db: Db, orgId: string, id: string, closedAt: string): Promise<AssessmentRow | undefined> {
  return updateAssessmentIn(db, orgId, id, 'open', { status: 'closed', closedAt })
}

/** Open rounds (any organisation) whose closing time has passed: the cron backstop's work. */
export async function listOverdueRounds(db: Db, now: string, limit = 100): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.status, 'open'), lte(assessments.closesAt, now)))
    .limit(limit)
    .all()
}

/** Closed rounds of the organisation (ids and what scoring needs), for recomputing results. */
export async function listClosedRounds(db: Db, orgId: string): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.status, 'closed')))
    .all()
}

/**
 * Stores a round's participation snapshot taken at `asOf`, only if the stored one is still the
 * one the caller saw (`seenAsOf`): of two concurrent recounts one wins, and the loser serves the
 * winner's. Returns the snapshot now stored.
 */
export async function saveParticipationSnapshot(db: Db, orgId: string, id: string, cells: NonNullable<AssessmentRow['participation']>, asOf: string, seenAsOf: string | null): Promise<Pick<AssessmentRow, 'participation' | 'participationAsOf'> | undefined> {
  const won = await db
    .update(assessments)
    .set({ participation: cells, participationAsOf: asOf })
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, id), seenAsOf === null ? isNull(assessments.participationAsOf) : eq(assessments.participationAsOf, seenAsOf)))
    .returning({ participation: assessments.participation, participationAsOf: assessments.participationAsOf })
    .get()
  if (won) return won
  return db.select({ participation: assessments.participation, participationAsOf: assessments.participationAsOf }).from(assessments).where(and(eq(assessments.orgId, orgId), eq(assessments.id, id))).get()
}
