import { and, eq } from 'drizzle-orm'
import { assessments, organisations, respondents, responses } from '../../schema/tables'
import type { Db } from './client'
import { rawBatch } from './assessments'

/** A respondent as their token resolves: participation row, round and organisation name. */
export async function findRespondentByTokenHash(db: Db, tokenHash: string) {
  return db
    .select({
      respondentId: respondents.id,
      status: respondents.status,
      submittedOn: respondents.submittedOn,
      assessment: assessments,
      orgName: organisations.name,
      anonymityThreshold: organisations.anonymityThreshold,
    })
    .from(respondents)
    .innerJoin(assessments, and(eq(assessments.id, respondents.assessmentId), eq(assessments.orgId, respondents.orgId)))
    .innerJoin(organisations, eq(organisations.id, respondents.orgId))
    .where(eq(respondents.tokenHash, tokenHash))
    .get()
}
export type TokenRespondent = NonNullable<Awaited<ReturnType<typeof findRespondentByTokenHash>>>

/** The answers JSON of one response row, or undefined before the first save. */
export async function findAnswers(db: Db, orgId: string, key: string): Promise<string | undefined> {
  const row = await db.select({ answers: responses.answers }).from(responses).where(and(eq(responses.key, key), eq(responses.orgId, orgId))).get()
  return row?.answers
}

// The round must be open (and not past its closing time) and the respondent not submitted, in
// the same statement as the write, so a save can never land after close or submit.
// Parameters: ?1 answer key, ?2 respondent id, ?3 now.
const WRITABLE = `FROM respondents r JOIN assessments a ON a.id = r.assessment_id AND a.org_id = r.org_id
  WHERE r.id = ?2 AND r.status <> 'submitted' AND a.status = 'open' AND (a.closes_at IS NULL OR a.closes_at > ?3)`

/**
 * Merges a patch into the response with SQLite's json_patch (RFC 7396: null clears) in ONE
 * statement that also checks the round and the respondent. On the first save the respondent is
 * marked started in the same batch. Returns the merged answers JSON, or undefined when refused.
 */
export async function mergeAnswers(db: Db, key: string, respondentId: string, patch: string, now: string, firstSave: boolean): Promise<string | undefined> {
  const upsert: [string, ...unknown[]] = [
    `INSERT INTO responses (key, org_id, assessment_id, answers, role, unit_id, submitted)
    SELECT ?1, r.org_id, r.assessment_id, json_patch('{}', ?4), r.role, r.unit_id, 0 ${WRITABLE}
    ON CONFLICT (key) DO UPDATE SET answers = json_patch(responses.answers, ?4) WHERE responses.submitted = 0
    RETURNING answers`,
    key, respondentId, now, patch,
  ]
  const started: [string, ...unknown[]] = [
    `UPDATE respondents SET status = 'started' WHERE id = ?2 AND status IN ('added', 'invited') AND EXISTS (SELECT 1 FROM responses WHERE key = ?1)`,
    key, respondentId,
  ]
  const [result] = await rawBatch<{ answers: string }>(db, firstSave ? [upsert, started] : [upsert])
  return result.results?.[0]?.answers
}

/**
 * Submits: marks the response submitted (creating an empty one when nothing was saved) and the
 * respondent submitted with today's date, atomically and only while the round is open.
 * Returns the stored date, or undefined when refused.
 */
export async function submitResponse(db: Db, key: string, respondentId: string, today: string, now: string): Promise<string | undefined> {
  const results = await rawBatch<{ submitted_on: string }>(db, [
    [
      `INSERT INTO responses (key, org_id, assessment_id, answers, role, unit_id, submitted)
      SELECT ?1, r.org_id, r.assessment_id, '{}', r.role, r.unit_id, 1 ${WRITABLE}
      ON CONFLICT (key) DO UPDATE SET submitted = 1 WHERE responses.submitted = 0`,
      key, respondentId, now,
    ],
    [
      `UPDATE respondents AS r SET status = 'submitted', submitted_on = ?4
      WHERE r.id = ?2 AND r.status <> 'submitted'
        AND EXISTS (SELECT 1 FROM assessments a WHERE a.id = r.assessment_id AND a.status = 'open' AND (a.closes_at IS NULL OR a.closes_at > ?3))
      RETURNING submitted_on`,
      key, respondentId, now, today,
    ],
  ])
  return results[1].results?.[0]?.submitted_on
}

/** The submitted responses of a round: what its close reads (only submitted rows). */
export async function listSubmittedResponses(db: Db, orgId: string, assessmentId: string) {
  return db
    .select({ answers: responses.answers, role: responses.role, unitId: responses.unitId })
    .from(responses)
    .where(and(eq(responses.orgId, orgId), eq(responses.assessmentId, assessmentId), eq(responses.submitted, 1)))
    .all()
}
