import { and, eq, sql } from 'drizzle-orm'
import { assessments, organisations, respondents, responses } from '../../schema/tables'
import type { Db } from './client'

type Batch = Parameters<Db['batch']>[0]

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
const writable = (respondentId: string, now: string) => sql`
  FROM respondents r JOIN assessments a ON a.id = r.assessment_id AND a.org_id = r.org_id
  WHERE r.id = ${respondentId} AND r.status <> 'submitted' AND a.status = 'open' AND (a.closes_at IS NULL OR a.closes_at > ${now})`

/**
 * Merges a patch into the response with SQLite's json_patch (RFC 7396: null clears) in ONE
 * statement that also checks the round and the respondent. On the first save the respondent is
 * marked started in the same batch. Returns the merged answers JSON, or undefined when refused.
 */
export async function mergeAnswers(db: Db, key: string, respondentId: string, patch: string, now: string, firstSave: boolean): Promise<string | undefined> {
  const upsert = db.run(sql`INSERT INTO responses (key, org_id, assessment_id, answers, role, unit_id, submitted)
    SELECT ${key}, r.org_id, r.assessment_id, json_patch('{}', ${patch}), r.role, r.unit_id, 0 ${writable(respondentId, now)}
    ON CONFLICT (key) DO UPDATE SET answers = json_patch(responses.answers, ${patch}) WHERE responses.submitted = 0
    RETURNING answers`)
  const statements = firstSave
    ? [upsert, db.run(sql`UPDATE respondents SET status = 'started' WHERE id = ${respondentId} AND status IN ('added', 'invited') AND EXISTS (SELECT 1 FROM responses WHERE key = ${key})`)]
    : [upsert]
  const [result] = (await db.batch(statements as unknown as Batch)) as unknown as D1Result<{ answers: string }>[]
  return result.results?.[0]?.answers
}

/**
 * Submits: marks the response submitted (creating an empty one when nothing was saved) and the
 * respondent submitted with today's date, atomically and only while the round is open.
 * Returns the stored date, or undefined when refused.
 */
export async function submitResponse(db: Db, key: string, respondentId: string, today: string, now: string): Promise<string | undefined> {
  const results = (await db.batch([
    db.run(sql`INSERT INTO responses (key, org_id, assessment_id, answers, role, unit_id, submitted)
      SELECT ${key}, r.org_id, r.assessment_id, '{}', r.role, r.unit_id, 1 ${writable(respondentId, now)}
      ON CONFLICT (key) DO UPDATE SET submitted = 1 WHERE responses.submitted = 0`),
    db.run(sql`UPDATE respondents AS r SET status = 'submitted', submitted_on = ${today}
      WHERE r.id = ${respondentId} AND r.status <> 'submitted'
        AND EXISTS (SELECT 1 FROM assessments a WHERE a.id = r.assessment_id AND a.status = 'open' AND (a.closes_at IS NULL OR a.closes_at > ${now}))
      RETURNING submitted_on`),
  ] as unknown as Batch)) as unknown as D1Result<{ submitted_on: string }>[]
  return results[1].results?.[0]?.submitted_on
}

/** The submitted responses of a round: what the snapshot freezes (reads only submitted rows). */
export async function listSubmittedResponses(db: Db, orgId: string, assessmentId: string) {
  return db
    .select({ answers: responses.answers, role: responses.role, unitId: responses.unitId })
    .from(responses)
    .where(and(eq(responses.orgId, orgId), eq(responses.assessmentId, assessmentId), eq(responses.submitted, 1)))
    .all()
}
